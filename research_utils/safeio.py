"""Read a file a user names without ever blocking on it or reading without bound.

A named pipe (FIFO) blocks ``open()`` until something writes into it, and Python's signal
handlers cannot run while it waits, so Ctrl-C does nothing; ``/dev/zero`` never ends and a
plain ``read()`` grows until the machine runs out of memory. Every file a user hands to
the package (article, sidecar, ``-f`` parameter file, lexicon, topic-pack file) is read
here: opened without blocking, checked to be a regular file on the open descriptor (so a
file swapped after a check is still caught), and read to at most ``max_bytes`` + 1 bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotRegularFile", "TooLarge", "file_kind", "read_regular"]


class NotRegularFile(ValueError):
    """The path names something that is not a regular file (``kind`` says what)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.path = path
        self.kind = kind


class TooLarge(ValueError):
    """The file holds more than the limit (``size`` is at least what was seen)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} is {size:,} bytes, above the limit of {limit:,}")
        self.path = path
        self.size = size
        self.limit = limit


BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
"""Byte-order marks and the codec that reads a text starting with each (longest first)."""


def file_kind(mode: int) -> str:
    """What a file of ``mode`` is, in a few words ("a named pipe (FIFO)", "a folder" ...)."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_regular(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, refused above ``max_bytes``.

    Raises
    ------
    NotRegularFile
        For a FIFO, a device, a socket or a folder (nothing is read from it).
    TooLarge
        When the file holds more than ``max_bytes`` bytes (at most ``max_bytes`` + 1 are read).
    OSError
        When the file cannot be opened or read (missing, permission denied).
    """
    p = Path(path)
    mode = os.stat(p).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(p, file_kind(mode))
    # O_NONBLOCK: a FIFO swapped in after the check above opens at once instead of waiting.
    fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(p, file_kind(info.st_mode))
        if info.st_size > max_bytes:
            raise TooLarge(p, info.st_size, max_bytes)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:  # the file grew after fstat
            raise TooLarge(p, len(data), max_bytes)
        return data
    finally:
        os.close(fd)

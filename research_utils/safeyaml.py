"""Bounded, alias-free YAML for every file a user can hand to the package.

Sidecars (``<article>.meta.yaml``), parameter files (``-f params.yaml``) and lexicons are
all read here. YAML's anchors and aliases let a few hundred bytes expand into gigabytes
("billion laughs"); none of our formats needs them, so any alias is refused. Files are
also refused above a size limit, and the error always names the file and, where YAML
knows it, the line.

PyYAML's safe loader is used (libyaml's C loader when PyYAML was built with it). Aliases
are found by scanning the parser's events first, which costs a fraction of a parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["YamlError", "load_yaml", "parse_yaml"]

_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when available (ten times faster), else the Python one."""


class YamlError(ValueError):
    """A YAML file that cannot be used; the message names the file, the line and the fix."""


def _line_of(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f", line {mark.line + 1}" if mark is not None else ""


def _check_aliases(text: str, name: str) -> None:
    loader = _LOADER(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark is not None else 0
                raise YamlError(
                    f"{name}, line {line}: YAML aliases (*name) are not allowed here; write the value out."
                )
    finally:
        loader.dispose()


def _syntax_message(text: str, name: str, error: yaml.YAMLError) -> str:
    """One line naming the problem and the line; the pure-Python loader words it more plainly."""
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as plain:
        error = plain
    except RecursionError:
        pass
    problem = getattr(error, "problem", None) or "not valid YAML"
    return f"{name}{_line_of(error)}: {problem}; fix the YAML syntax there."


def parse_yaml(text: str, name: str, *, with_node: bool = False) -> Any:
    """Parse YAML text that holds no aliases.

    Parameters
    ----------
    text : str
        The YAML document.
    name : str
        How to name the source in an error (a file path, ``-p top_n``, ...).
    with_node : bool
        Also return the composed node tree (for line numbers of entries).

    Returns
    -------
    object or tuple
        The data, or ``(data, node)`` with ``with_node``.

    Raises
    ------
    YamlError
        For invalid YAML or an alias.
    """
    try:
        _check_aliases(text, name)
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except YamlError:
        raise
    except yaml.YAMLError as first:
        raise YamlError(_syntax_message(text, name, first)) from None
    except RecursionError:
        raise YamlError(f"{name}: nested too deeply to be read; flatten the structure.") from None
    return (data, node) if with_node else data


def load_yaml(path: str | Path, *, max_bytes: int, what: str = "YAML file", with_node: bool = False) -> Any:
    """Read a YAML file of at most ``max_bytes`` with :func:`parse_yaml`.

    Parameters
    ----------
    path : str or Path
        The file.
    max_bytes : int
        Largest file accepted.
    what : str
        What the file is, for messages ("sidecar", "lexicon", "parameter file").
    with_node : bool
        Also return the node tree.

    Raises
    ------
    YamlError
        For a missing path, a directory, a file too large, text that is not UTF-8,
        invalid YAML or an alias. The message is one line.
    """
    from research_utils.safeio import NotRegularFile, TooLarge, read_regular

    p = Path(path)
    if not p.exists():
        raise YamlError(f"{p}: no such {what}; check the path.")
    if p.is_dir():
        raise YamlError(f"{p} is a directory; give the path of one {what} (.yaml).")
    try:
        raw = read_regular(p, max_bytes)
    except NotRegularFile as exc:
        raise YamlError(
            f"{p} is {exc.kind}, not a regular file; give the path of a {what} (.yaml)."
        ) from None
    except TooLarge as exc:
        raise YamlError(
            f"{p} is {exc.size:,} bytes, above the {max_bytes:,}-byte limit for a {what}; shorten it."
        ) from None
    except OSError as exc:
        raise YamlError(f"{p} cannot be read ({exc.strerror}); check its permissions.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(f"{p}: not UTF-8 text (byte {exc.start}); save the {what} as UTF-8.") from None
    return parse_yaml(text, str(p), with_node=with_node)

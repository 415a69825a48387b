"""Refill the local cache of real-copy texts, each checked against its committed SHA-256.

The cache (``$RESEARCH_UTILS_REAL_COPY``) is outside the repository and can be lost (a new
machine, a cleaned home folder). The texts are excerpts returned by the search tool's
``pages`` corpus; look the article up again by its URL or headline, save the result's
``excerpt`` field as it is shown in the tool's JSON answer (escapes such as ``\\n`` and
``\\"`` kept) into a small JSON file, and pass it here::

    {"id": "rc-reuters-01", "excerpt": "Moscow welcomes written ..."}

``python tests/gold/real/restore.py FILE [FILE ...]`` decodes each file, compares the text's
SHA-256 with ``articles/<id>.yaml`` and writes ``texts/<id>.txt`` only when it matches; a
mismatch is reported with both lengths and nothing is written. Exit 1 when any file did
not match. ``--missing`` lists the ids whose text the cache does not hold yet.

``--new FILE ...`` saves the excerpt of an article that is not in the gold set yet (step 2
of the procedure in README.md): it refuses an id that already has ``articles/<id>.yaml`` or
a text in the cache, so a coded text is never overwritten.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

from research_utils.paths import real_copy_dir

HERE = Path(__file__).resolve().parent


def _facts(article_id: str, articles: Path) -> dict:
    path = articles / f"{article_id}.yaml"
    if not path.is_file():
        raise SystemExit(f"No article {article_id!r} in {path.parent}; check the id.")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def missing() -> list[str]:
    """Ids of the gold set whose text is not in the cache or does not match its hash."""
    texts = real_copy_dir() / "texts"
    out = []
    for path in sorted((HERE / "articles").glob("*.yaml")):
        facts = yaml.safe_load(path.read_text(encoding="utf-8"))
        cached = texts / f"{facts['id']}.txt"
        if not cached.is_file() or hashlib.sha256(cached.read_bytes()).hexdigest() != facts["sha256"]:
            out.append(facts["id"])
    return out


def restore(
    path: Path, articles: Path = HERE / "articles", cache: Path | None = None
) -> tuple[str, bool, str]:
    """(id, written, one-line report) for one saved excerpt file (``cache``: the real-copy
    cache, :func:`~research_utils.paths.real_copy_dir` when None)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    article_id, text = record["id"], record["excerpt"]
    facts = _facts(article_id, articles)
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if digest != facts["sha256"]:
        return (
            article_id,
            False,
            (
                f"{article_id}: hash differs ({len(text)} characters read, {facts['chars']} coded); "
                "nothing written"
            ),
        )
    target = (cache or real_copy_dir()) / "texts" / f"{article_id}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return article_id, True, f"{article_id}: restored ({len(text)} characters)"


def save_new(
    path: Path, articles: Path = HERE / "articles", cache: Path | None = None
) -> tuple[str, bool, str]:
    """(id, written, one-line report) for the excerpt of an article new to the gold set."""
    record = json.loads(path.read_text(encoding="utf-8"))
    article_id, text = record["id"], record["excerpt"]
    if not re.fullmatch(r"rc-[a-z0-9]+-[0-9]{2}", article_id):
        return (
            article_id,
            False,
            f"{article_id}: ids are rc-<outlet-slug>-<nn> (rc-reuters-01); nothing written",
        )
    target = (cache or real_copy_dir()) / "texts" / f"{article_id}.txt"
    if (articles / f"{article_id}.yaml").exists() or target.exists():
        return article_id, False, f"{article_id}: already in the gold set or the cache; nothing written"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    return article_id, True, f"{article_id}: saved ({len(text)} characters)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSON files with id and excerpt")
    parser.add_argument("--missing", action="store_true", help="list ids not in the cache")
    parser.add_argument("--new", action="store_true", help="save excerpts of articles new to the gold set")
    args = parser.parse_args(argv)
    if args.missing:
        ids = missing()
        print("\n".join(ids) if ids else "the cache holds every text")
        return 0
    failed = 0
    for path in args.files:
        _, written, report = save_new(path) if args.new else restore(path)
        failed += not written
        print(report)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

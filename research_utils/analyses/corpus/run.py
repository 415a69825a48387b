"""Analyse many articles in parallel with Dask and stream their tables to Parquet.

The articles are analysed in-process by the package's functions (no kernel per article),
in batches, on a Dask scheduler: ``synchronous`` (one process, for debugging),
``threads`` or ``processes`` (a ``dask.distributed`` LocalCluster on this machine), or
the address of a running ``dask.distributed`` scheduler (``tcp://host:8786``; for
example one started by dask-jobqueue on an HPC cluster). Workers return each batch's
tables to this process, which appends them to Parquet as they arrive: memory holds a few
batches, never the corpus, and the workers need no shared file system.

A rerun reuses the stored rows of every article whose key is unchanged (the SHA-256 of
its file and sidecar, the analysis parameters, the package version) and analyses only new
or changed ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from research_utils.ingest import slugify
from research_utils.paths import OUTPUT_MARKER

__all__ = [
    "SUFFIXES",
    "CorpusFile",
    "CorpusPathError",
    "SchedulerUnreachable",
    "analyse_batch",
    "article_key",
    "discover",
    "profiling_workers",
    "run_corpus",
]

SUFFIXES = (".txt", ".html", ".htm")
"""Article files a folder is searched for (their ``.meta.yaml`` sidecars are read with them)."""

BATCH_SIZE = 100
"""Most articles in one batch (one task, one Parquet part per table). Larger batches cost
the command less scheduling and fewer files (2,000 articles: 94 s with 100, 103 s with 25);
small corpora get smaller batches, so that every worker has at least four."""


def batch_size(n: int, workers: int) -> int:
    """Articles per batch for ``n`` articles on ``workers`` workers (5 to :data:`BATCH_SIZE`)."""
    return max(5, min(BATCH_SIZE, -(-n // (4 * max(workers, 1)))))


SCHEDULER_TIMEOUT_S = 30
"""How long to wait for a Dask scheduler given by address before giving up."""


class SchedulerUnreachable(ValueError):
    """No Dask scheduler answered at the address given (a usage error: the message says what
    to check)."""


class CorpusPathError(ValueError):
    """A corpus path that cannot be used (the message says which and what to do)."""


@dataclass(frozen=True)
class CorpusFile:
    """One article file of a corpus: where it is, how it is named, and its cache key."""

    path: str
    relpath: str
    slug: str
    key: str


def discover(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Every article file named or found (recursively) under ``paths``, with a display path.

    Hidden files and folders are skipped, and so are the report folders this tool wrote
    (those holding its marker file: a corpus report written inside the corpus folder is not
    read as articles by the next run); the result is sorted by display path. A display
    path is relative to the folder that was given (or the file name, for a file given
    directly), so that no shared output names a folder of the analyst's machine.

    Raises
    ------
    CorpusPathError
        For a path that does not exist.
    """
    found: dict[Path, str] = {}
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise CorpusPathError(f"{given} does not exist: check the path.")
        if not p.is_dir():  # a file: a FIFO or device among them is refused when it is read
            found.setdefault(p.resolve(), p.name)
            continue
        base = p.resolve()
        if (base / OUTPUT_MARKER).exists():
            continue  # a report folder this tool wrote: its pages are not articles
        for root, dirs, files in os.walk(base):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not (Path(root) / d / OUTPUT_MARKER).exists()
            )
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                    continue
                full = Path(root) / name
                found.setdefault(full, f"{base.name}/{full.relative_to(base).as_posix()}")
    return sorted(found.items(), key=lambda item: item[1])


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    h.update(path.read_bytes() if path.is_file() else b"")
    side = path.with_name(path.stem + ".meta.yaml")
    h.update(b"\x00sidecar\x00")
    if side.is_file():
        h.update(side.read_bytes())
    return h.hexdigest()


def article_key(path: Path, settings: str) -> str:
    """Cache key of an article: its bytes and sidecar, the analysis settings, the package version."""
    from research_utils import __version__

    try:
        digest = _file_digest(path)
    except OSError:
        digest = "unreadable"
    return hashlib.sha256(f"{digest}|{settings}|{__version__}".encode()).hexdigest()[:32]


def plan(files: list[tuple[Path, str]], settings: str) -> list[CorpusFile]:
    """Give each file a unique, stable slug (from its display path) and its cache key."""
    out: list[CorpusFile] = []
    taken: set[str] = set()
    for path, rel in files:
        base = slugify(rel.rsplit(".", 1)[0].replace("/", "-"))
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out.append(CorpusFile(str(path), rel, slug, article_key(path, settings)))
    return out


def analyse_batch(items: list[CorpusFile], options: dict[str, Any]) -> dict[str, Any]:
    """Analyse a batch of articles (runs on a worker).

    Returns
    -------
    dict
        ``tables``: ``{table name: DataFrame}`` with the rows of every article that could
        be read; ``failed``: ``[{path, reason}]``; ``seconds``: time spent.
    """
    from research_utils.analyses.corpus.tables import article_tables
    from research_utils.ingest import ArticleError, load_article
    from research_utils.lexicons import LexiconError

    started = time.perf_counter()
    parts: dict[str, list[pd.DataFrame]] = {}
    failed = []
    for item in items:
        try:
            doc = load_article(item.path, name=item.slug)
            tables = article_tables(doc, options)
        except (ArticleError, LexiconError, OSError) as exc:
            failed.append({"path": item.relpath, "reason": shown_reason(str(exc), item)})
            continue
        tables["articles"] = tables["articles"].assign(path=item.relpath, key=item.key)
        for name, df in tables.items():
            parts.setdefault(name, []).append(df)
    merged = {name: pd.concat(dfs, ignore_index=True) for name, dfs in parts.items()}
    return {"tables": merged, "failed": failed, "seconds": time.perf_counter() - started}


def shown_reason(message: str, item: CorpusFile) -> str:
    """A failure message as shared outputs show it: the article's folder (which also holds
    its sidecar) named as in the article's display path, never as a folder of the machine."""
    folder = str(Path(item.path).parent)
    shown = Path(item.relpath).parent.as_posix()
    message = message.replace(item.path, item.relpath)
    return message.replace(folder + "/", "" if shown == "." else shown + "/")


def _batches(items: list[CorpusFile], size: int) -> Iterator[list[CorpusFile]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Writer:
    """Append each batch to ``data/<table>/part-NNNNN.parquet``: every table gets a part
    for every batch, empty or not, all with the table's one fixed schema
    (:data:`~research_utils.analyses.corpus.tables.SCHEMA`)."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.count = 0

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from research_utils.analyses.corpus.tables import SCHEMA, arrow_schema, typed

        for name in SCHEMA:
            folder = self.data / name
            folder.mkdir(parents=True, exist_ok=True)
            table = pa.Table.from_pandas(
                typed(name, tables.get(name)), schema=arrow_schema(name), preserve_index=False
            )
            pq.write_table(table, folder / f"part-{self.count:05d}.parquet")
        self.count += 1


@dataclass
class Stored:
    """What a previous run stored and can be read back: ``keys`` ``{slug: cache key}`` of
    the articles whose parts are all readable, ``tables`` ``{table: rows of those
    articles}``, and ``unreadable`` (the parts that could not be read, as
    ``table/part-NNNNN.parquet``: their articles are analysed again)."""

    keys: dict[str, str]
    tables: dict[str, pd.DataFrame]
    unreadable: list[str]


def read_stored(previous: Path | None) -> Stored:
    """Read a previous run's Parquet parts one by one, leaving out every batch of which
    some part is missing, empty or corrupt (a disk that filled up, a file cut short)."""
    from research_utils.analyses.corpus.tables import SCHEMA, typed

    empty = Stored({}, {}, [])
    if previous is None or not (previous / "articles").is_dir():
        return empty
    parts: dict[str, dict[str, pd.DataFrame]] = {}
    unreadable: list[str] = []
    for name in SCHEMA:
        parts[name] = {}
        for file in sorted((previous / name).glob("part-*.parquet")) if (previous / name).is_dir() else []:
            try:
                df = pd.read_parquet(file)
                if not set(SCHEMA[name]) <= set(df.columns):
                    raise ValueError("columns missing")
                parts[name][file.stem] = typed(name, df)
            except Exception:  # any reading error of pyarrow: the part is as good as missing
                unreadable.append(f"{name}/{file.name}")
    good = {
        part
        for part in parts["articles"]
        if all(part in parts[name] for name in SCHEMA if name != "articles")
    }
    unreadable += [
        f"{name}/{part}.parquet (missing)"
        for part in sorted(set(parts["articles"]) - good)
        for name in SCHEMA
        if part not in parts[name] and f"{name}/{part}.parquet" not in unreadable
    ]
    if not good:
        return Stored({}, {}, sorted(unreadable))
    articles = pd.concat([parts["articles"][p] for p in sorted(good)], ignore_index=True)
    keys = dict(zip(articles["article"], articles["key"], strict=True))
    tables = {name: pd.concat([parts[name][p] for p in sorted(good)], ignore_index=True) for name in SCHEMA}
    return Stored(keys, tables, sorted(unreadable))


def stored_keys(previous: Path | None) -> dict[str, str]:
    """``{slug: key}`` of the articles a previous run stored readably (empty when there is none)."""
    return read_stored(previous).keys


LOCAL_WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}
"""Dask settings of the local workers this module starts. Dask's statistical profiler
samples every worker thread each 10 ms and keeps a call tree per task prefix that grows
with every batch: about 28 MB and a few per cent of speed per 1,000 articles on each
worker (``make bench`` measured it). Workers of a cluster started elsewhere keep their
own settings: start them with ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``."""


def _has_profiler(dask_worker: Any) -> bool:
    return "profile" in getattr(dask_worker, "periodic_callbacks", {})


def profiling_workers(client: Any) -> int:
    """How many workers of ``client``'s cluster run Dask's statistical profiler (0 when
    that cannot be asked: the check never stops a run)."""
    try:
        return sum(bool(v) for v in client.run(_has_profiler).values())
    except Exception:  # an old or restricted cluster: say nothing
        return 0


def _client(scheduler: str, workers: int) -> Any:
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler in ("threads", "processes"):
        with dask.config.set(LOCAL_WORKER_CONFIG):  # the nanny hands it to the workers
            cluster = LocalCluster(
                n_workers=workers if scheduler == "processes" else 1,
                threads_per_worker=1 if scheduler == "processes" else workers,
                processes=scheduler == "processes",
                dashboard_address=None,
                silence_logs=40,
            )
        return Client(cluster)
    try:
        return Client(scheduler, timeout=f"{SCHEDULER_TIMEOUT_S}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(
            f"--scheduler {scheduler}: no Dask scheduler answered within {SCHEDULER_TIMEOUT_S} s "
            f"({type(exc).__name__}); check the address and that the scheduler runs, "
            "or use --scheduler processes for this machine."
        ) from None


def run_corpus(
    items: list[CorpusFile],
    data: Path,
    options: dict[str, Any],
    *,
    scheduler: str = "processes",
    workers: int | None = None,
    previous: Path | None = None,
    progress: Callable[[str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Analyse ``items`` into Parquet tables under ``data``, reusing a previous run's rows.

    Parameters
    ----------
    items : list of CorpusFile
        From :func:`plan`.
    data : Path
        Empty folder for the tables (``data/<table>/part-*.parquet``).
    options : dict
        Analysis settings passed to :func:`~research_utils.analyses.corpus.tables.article_tables`.
    scheduler : str
        ``synchronous``, ``threads``, ``processes`` or a scheduler address.
    workers : int, optional
        Local workers (default: the number of cores).
    previous : Path, optional
        The ``data`` folder of the previous run, whose unchanged rows are reused.
    progress : callable, optional
        Receives progress lines.
    should_stop : callable, optional
        Polled between batches; True abandons the run (``KeyboardInterrupt``).

    Returns
    -------
    dict
        ``analysed``, ``reused``, ``failed`` ([{path, reason}]), ``seconds`` (wall time of
        the analysis) and ``worker_seconds`` (time the workers spent in the batches; its
        ratio to ``seconds`` times the number of workers is how busy they were).
    """
    say = progress or (lambda _m: None)
    stop = should_stop or (lambda: False)
    data.mkdir(parents=True, exist_ok=True)
    writer = _Writer(data)
    stored = read_stored(previous)
    keep = {it.slug: it.key for it in items if stored.keys.get(it.slug) == it.key}
    todo = [it for it in items if it.slug not in keep]
    if stored.unreadable:
        shown = ", ".join(stored.unreadable[:3]) + (" ..." if len(stored.unreadable) > 3 else "")
        say(
            f"  note: {len(stored.unreadable)} stored part(s) of the previous run could not be read "
            f"({shown}); their articles are analysed again"
        )
    if keep:
        writer.write({name: df[df["article"].isin(keep)] for name, df in stored.tables.items()})
    say(f"{len(items)} article(s): {len(keep)} unchanged (stored tables reused), {len(todo)} to analyse")
    started = time.perf_counter()
    failed: list[dict[str, str]] = []
    done = 0
    busy = 0.0
    batches = list(_batches(todo, batch_size(len(todo), workers or os.cpu_count() or 1)))

    def report(result: dict[str, Any], n: int) -> None:
        nonlocal done, busy
        writer.write(result["tables"])
        failed.extend(result["failed"])
        done += n
        busy += result["seconds"]
        rate = done / max(time.perf_counter() - started, 1e-9)
        say(f"  {done}/{len(todo)} analysed ({rate:.1f} articles/s), {len(failed)} failed")

    if scheduler == "synchronous" or not batches:
        for batch in batches:
            if stop():
                raise KeyboardInterrupt
            report(analyse_batch(batch, options), len(batch))
    else:
        from dask.distributed import as_completed

        client = _client(scheduler, workers or os.cpu_count() or 1)
        try:
            profiling = 0 if scheduler in ("threads", "processes") else profiling_workers(client)
            if profiling:  # workers started elsewhere keep their own settings
                say(
                    f"  note: {profiling} worker(s) of this cluster run Dask's profiler, whose "
                    "memory grows with every batch; start them with "
                    "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False"
                )
            futures = client.map(analyse_batch, batches, options=options, pure=False)
            sizes = {f.key: len(b) for f, b in zip(futures, batches, strict=True)}
            for future in as_completed(futures):
                if stop():
                    raise KeyboardInterrupt
                report(future.result(), sizes[future.key])
                future.release()
        finally:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return {
        "analysed": len(todo) - len(failed),
        "reused": len(keep),
        "failed": sorted(failed, key=lambda f: f["path"]),
        "seconds": time.perf_counter() - started,
        "worker_seconds": busy,
    }


def settings_fingerprint(options: dict[str, Any]) -> str:
    """A stable text of the analysis options (part of every article's cache key)."""
    return json.dumps(options, sort_keys=True, default=str)

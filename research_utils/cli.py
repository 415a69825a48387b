"""``research-report``: build the reports of one or more articles.

Examples
--------
Build all reports of the bundled article into ``reports/``::

    research-report

Two articles, a parameter, a parameter file, another output folder::

    research-report data/articles/a.txt data/articles/b.txt -p top_n 30 -f params.yaml --out /tmp/reports

Compare the first article with the others (stance and framing notebooks)::

    research-report a.txt b.txt c.txt --compare

A corpus of many articles (files or folders), grouped by outlet, analysed with Dask::

    research-report rt/ reuters/ --corpus "RT vs Reuters" --group-by outlet

Score a hand-coded sheet of the stance report (its tool against each coder, the coders
against each other) into agreement.html and agreement.json beside it::

    research-report agreement coded/stance_coding_sheet.xlsx

Exit codes: 0 success; 1 a notebook failed, a limit was reached or a kernel died (the
previous report is unchanged); 2 a usage error (bad article, parameter or output folder:
one line says which and what to do), or no article of a corpus could be read; 3 a corpus
report was written but some files could not be read (listed in it); 130/143 interrupted
by Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import traceback
from pathlib import Path
from typing import Any

from research_utils.ingest import ArticleError
from research_utils.lexicons import LexiconError
from research_utils.paths import DEFAULT_ARTICLE, REPORTS_DIR
from research_utils.report.control import INTERRUPT, CorpusFailure, ReportError, skip_iri_format_checker
from research_utils.safeyaml import YamlError

skip_iri_format_checker()  # before nbformat is imported: seconds saved on every build

__all__ = ["main"]

MAX_PARAMS_FILE_BYTES = 1_000_000
"""Largest ``-f params.yaml`` accepted."""

ISSUES_URL = "the project's issue tracker"


def _parser(stems: tuple[str, ...]) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="research-report",
        description="Run the text statistics, stance and framing notebooks on news articles and write "
        "self-contained HTML reports, CSV tables and results.json.",
    )
    p.add_argument(
        "articles",
        nargs="*",
        metavar="ARTICLE",
        help=f"article files (.txt or .html); default: the bundled {DEFAULT_ARTICLE.name}",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        default=str(REPORTS_DIR),
        help="output folder; each article gets DIR/<article-slug>/ (default: reports/ of the project)",
    )
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        default=[],
        help="set a notebook parameter (converted to the type the notebook declares; lists as a,b,c)",
    )
    p.add_argument(
        "-f",
        "--parameters-file",
        metavar="params.yaml",
        help="YAML mapping of notebook parameters; a key named after a notebook (02 or "
        "02_stance_comparison) holds settings for that notebook only",
    )
    p.add_argument(
        "--meta",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a sidecar field of the article without a sidecar file, e.g. --meta outlet=RT --meta "
        "date=2022-04-07 (outlet, title, date, date_approximate, author, url, language, ...)",
    )
    p.add_argument(
        "--notebooks",
        metavar="LIST",
        default=None,
        help=f"comma-separated notebook names or number prefixes (default: all), e.g. 01,03; "
        f"one of {', '.join(stems)}",
    )
    p.add_argument(
        "--compare",
        action="store_true",
        help="analyse the first ARTICLE and compare it with the others (sets compare_paths)",
    )
    p.add_argument("--jobs", type=int, default=3, help="notebooks executed at once (default 3)")
    p.add_argument("--timeout", type=int, default=600, help="per-cell time limit in seconds (default 600)")
    p.add_argument(
        "--build-timeout",
        type=int,
        default=3600,
        help="time limit of one article's whole build in seconds (default 3600)",
    )
    p.add_argument(
        "--corpus",
        metavar="NAME",
        help="corpus mode: analyse every article under the ARTICLE paths (files or folders, read "
        "recursively) in parallel with Dask and compare groups in one report DIR/<name-slug>/",
    )
    p.add_argument(
        "--group-by",
        metavar="FIELD",
        default="outlet",
        help="corpus mode: the sidecar field that forms the groups (default outlet; date groups by month)",
    )
    p.add_argument(
        "--scheduler",
        default="processes",
        metavar="SCHEDULER",
        help="corpus mode: synchronous, threads, processes (a local Dask cluster; default) or the "
        "address of a running dask.distributed scheduler, e.g. tcp://host:8786",
    )
    p.add_argument(
        "--workers", type=int, help="corpus mode: local Dask workers (default: the number of cores)"
    )
    p.add_argument(
        "--article-reports",
        action="store_true",
        help="corpus mode: also build the three reports of every article, linked from the corpus index",
    )
    p.add_argument(
        "--list-parameters",
        action="store_true",
        help="print every notebook's parameters with type, default and help (the corpus notebook's "
        "too), then exit",
    )
    return p


def _select(spec: str, stems: tuple[str, ...]) -> list[str]:
    chosen = []
    for item in (x.strip() for x in spec.split(",") if x.strip()):
        match = [s for s in stems if s == item or s.startswith(item)]
        if len(match) != 1:
            raise ValueError(
                f"--notebooks: '{item}' matches no single notebook; choose from {', '.join(stems)}."
            )
        chosen.append(match[0])
    if not chosen:
        raise ValueError(f"--notebooks: name at least one notebook of {', '.join(stems)}.")
    return chosen


def _read_params_file(path: Path) -> dict[str, Any]:
    from research_utils.safeyaml import load_yaml

    data = load_yaml(path, max_bytes=MAX_PARAMS_FILE_BYTES, what="parameter file")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"-f {path}: must be a mapping of parameter names to values.")
    return data


def _meta(pairs: list[str]) -> dict[str, Any]:
    """``--meta FIELD=VALUE`` options as sidecar fields, checked as a sidecar's are (true/false
    for ``date_approximate``; ``;`` between the lines of ``headings`` and ``furniture``)."""
    from research_utils.ingest.read import check_meta

    fields: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"--meta {pair}: write FIELD=VALUE, e.g. --meta outlet=RT.")
        if key == "date_approximate":
            truth = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
            if value.strip().lower() not in truth:
                raise ValueError(f"--meta {pair}: date_approximate must be true or false.")
            fields[key] = truth[value.strip().lower()]
        elif key in ("headings", "furniture"):
            fields[key] = [line.strip() for line in value.split(";") if line.strip()]
        else:
            fields[key] = value.strip()
    try:
        return check_meta(fields, "--meta")
    except ArticleError as exc:
        raise ValueError(str(exc)) from None


def _positive(name: str, value: int) -> None:
    if value < 1:
        raise ValueError(f"{name} must be 1 or more, got {value}.")


def _unique_slugs(slugs: list[str]) -> list[str]:
    """Give repeated slugs a numbered suffix (``a``, ``a-2``, ``a-3``) in argument order."""
    seen: dict[str, int] = {}
    out = []
    taken = set(slugs)
    for slug in slugs:
        if slug not in seen:
            seen[slug] = 1
            out.append(slug)
            continue
        n = seen[slug]
        while True:
            n += 1
            candidate = f"{slug}-{n}"
            if candidate not in taken:
                break
        seen[slug] = n
        taken.add(candidate)
        out.append(candidate)
    return out


def _compare_slug(slugs: list[str]) -> str:
    """One folder name for compared articles: their slugs joined by ``-vs-`` (at most 120 characters)."""
    name = "-vs-".join(slugs)
    return name if len(name) <= 120 else name[:120].rstrip("-")


def _corpus(
    args: argparse.Namespace,
    paths: list[Path],
    out_dir: Path,
    cli_params: dict[str, str],
    file_params: dict[str, Any],
    cwd: Path,
) -> int:
    """Corpus mode (``--corpus NAME``): see :func:`research_utils.report.corpus.build_corpus_report`."""
    from research_utils.report import check_parameters, corpus, parameters, registry

    if args.workers is not None:
        _positive("--workers", args.workers)
    if not args.corpus.strip():
        raise ValueError('--corpus needs a name, e.g. --corpus "RT vs Reuters".')
    if args.article_reports:
        stems = list(registry.stems())
        article_params = parameters.resolve_paths(check_parameters(stems, cli_params, file_params), cwd)
        packs = {v["pack"] for v in article_params.values() if "pack" in v}
        corpus_params: dict[str, Any] = {"pack": packs.pop()} if len(packs) == 1 else {}
    else:
        article_params = None
        corpus_params = check_parameters([corpus.CORPUS_STEM], cli_params, file_params)[corpus.CORPUS_STEM]
    folder, section = corpus.build_corpus_report(
        paths,
        out_dir,
        name=args.corpus,
        group_by=args.group_by,
        scheduler=args.scheduler,
        workers=args.workers,
        params=corpus_params,
        article_reports=args.article_reports,
        article_params=article_params,
        timeout=args.timeout,
        build_timeout=args.build_timeout,
        progress=lambda m: print(m, flush=True),
    )
    failed = section["failed"]
    print(
        f"corpus: {len(section['articles']):,} article(s) in {folder}; {len(failed):,} file(s) could not be read"
    )
    for f in failed[:10]:
        print(f"  not read: {f['path']}: {f['reason']}", file=sys.stderr)
    return 3 if failed else 0


def _agreement(argv: list[str]) -> int:
    """``research-report agreement SHEET [--out DIR]`` (:mod:`research_utils.report.agreement`).

    ``agreement`` as the first argument is always this command: an article file of that
    name is given as ``./agreement``."""
    from research_utils.report import agreement

    try:
        return agreement.main(argv)
    except ValueError as exc:  # a sheet that cannot be scored, an output folder that cannot be used
        print(f"research-report: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        return _system_error_exit(exc)
    except KeyboardInterrupt:
        print("research-report: interrupted.", file=sys.stderr)
        return 130
    except Exception:
        return _internal_error()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``research-report`` console script; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["agreement"]:
        return _agreement(argv[1:])
    from research_utils import report
    from research_utils.report import output, parameters, registry

    stems_all = registry.stems()
    args = _parser(stems_all).parse_args(argv)
    received: list[int] = []

    def _interrupt(signum: int, frame: object) -> None:
        received.append(signum)
        INTERRUPT.set()  # the build notices within 0.2 s, kills its kernels, removes its folder

    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    cwd = Path.cwd()
    try:
        if args.list_parameters:  # every notebook, the corpus one too, unless --notebooks names some
            for s in (
                _select(args.notebooks, registry.stems("all")) if args.notebooks else registry.stems("all")
            ):
                print(s)
                for d in report.declared_parameters(s).values():
                    print(f"  {d.name}: {d.type_name} = {d.default}  # {d.help}")
            return 0
        stems = _select(args.notebooks or ",".join(stems_all), stems_all)
        _positive("--jobs", args.jobs)
        _positive("--timeout", args.timeout)
        _positive("--build-timeout", args.build_timeout)
        articles = [(cwd / a).resolve() for a in args.articles] or [DEFAULT_ARTICLE]
        out_dir = (cwd / args.out).absolute()
        file_params = _read_params_file(cwd / args.parameters_file) if args.parameters_file else {}
        cli_params = dict(args.parameter)
        if args.meta:
            if args.corpus is not None:
                raise ValueError(
                    "--meta describes one article; in corpus mode give each article a sidecar "
                    "(<article>.meta.yaml) with its outlet and date."
                )
            file_params["meta"] = _meta(args.meta)
        if args.corpus is not None:
            return _corpus(args, articles, out_dir, cli_params, file_params, cwd)
        if args.compare:
            if len(articles) < 2:
                raise ValueError("--compare needs at least two articles.")
            file_params["compare_paths"] = [str(a) for a in articles[1:]]
            articles = articles[:1]
        params = report.check_parameters(stems, cli_params, file_params)
        params = parameters.resolve_paths(params, cwd)
        from research_utils.ingest import load_article
        from research_utils.report import build

        loaded = [load_article(a) for a in articles]  # a bad article fails before any kernel starts
        slugs = _unique_slugs([a.slug for a in loaded])
        if args.compare:  # the folder names every compared article
            others = [load_article(p).slug for p in params[stems[0]].get("compare_paths", [])]
            slugs = [_compare_slug([slugs[0], *others])]
        for path, slug in zip(articles, slugs, strict=True):
            inputs = build.input_files(path, params)
            output.check_destination(out_dir / slug, inputs)
        for path, slug in zip(articles, slugs, strict=True):
            if INTERRUPT.is_set():
                raise KeyboardInterrupt
            report.build_report(
                path,
                out_dir,
                stems=stems,
                params=params,
                jobs=args.jobs,
                timeout=args.timeout,
                build_timeout=args.build_timeout,
                slug=slug,
                progress=lambda m: print(m, flush=True),
            )
        if INTERRUPT.is_set():  # a signal after the last report was published: still not a success
            raise KeyboardInterrupt
    except CorpusFailure as exc:
        print(f"research-report: error: {exc}", file=sys.stderr)
        return 2
    except (ArticleError, LexiconError, YamlError, ValueError) as exc:  # usage errors, incl. Parameter/Output
        print(f"research-report: error: {exc}", file=sys.stderr)
        return 2
    except ReportError as exc:
        print(f"research-report: error: {exc}", file=sys.stderr)
        print("research-report: the previous report (if any) is unchanged.", file=sys.stderr)
        return 1
    except OSError as exc:
        return _system_error_exit(exc, "research-report: the previous report (if any) is unchanged.")
    except KeyboardInterrupt:
        from research_utils.report import kernels

        kernels.kill_all()
        for folder in kernels.running_folders():
            shutil.rmtree(folder, ignore_errors=True)
        print(
            "research-report: interrupted; the report being built was removed, earlier reports are unchanged.",
            file=sys.stderr,
        )
        sys.stderr.flush()
        signum = received[0] if received else signal.SIGINT
        os._exit(128 + int(signum))  # do not wait for anything still running in worker threads
    except Exception:
        return _internal_error()
    return 0


def _system_error_exit(exc: OSError, *after: str) -> int:
    """Exit 1 with one line for a system error the user can act on (and the lines ``after``);
    any other is an internal error."""
    known = _system_error(exc)
    if known is None:
        return _internal_error()
    print(f"research-report: error: {known}", file=sys.stderr)
    for line in after:
        print(line, file=sys.stderr)
    return 1


def _system_error(exc: OSError) -> str | None:
    """One line for the errors of the machine rather than of the package (full disk, read-only
    or vanished folder, no permission), or None for anything else."""
    import errno

    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    free = "free some space or choose another --out, then run again"
    what = {
        errno.ENOSPC: ("no space left on the disk", free),
        errno.EDQUOT: ("the disk quota is used up", free),
        errno.EROFS: ("the folder is on a read-only file system", "choose another --out"),
        errno.EACCES: ("permission denied", "check the permissions or choose another --out"),
        errno.EPERM: ("operation not permitted", "check the permissions or choose another --out"),
        errno.ENOENT: ("a file or folder vanished while the report was built", "run again"),
        errno.EMFILE: ("too many open files", "close other programs and run again"),
        errno.EIO: ("an input/output error of the disk", "check the disk and run again"),
    }.get(exc.errno or 0)
    if what is None:
        return None
    return f"{what[0]}{where}; {what[1]}."


def _internal_error() -> int:
    traceback.print_exc()
    print(
        "research-report: internal error: this is a bug in research-report, not in your input; "
        f"please report it, with the lines above, to {ISSUES_URL}.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""``research-report``: build the reports of one or more articles.

Examples
--------
Build all reports of the bundled article into ``reports/``::

    research-report

Two articles, a parameter, a parameter file, another output folder::

    research-report data/articles/a.txt data/articles/b.txt -p top_n 30 -f params.yaml --out /tmp/reports

Compare the first article with the others (stance and framing notebooks)::

    research-report a.txt b.txt c.txt --compare
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

from research_utils.article import ArticleError
from research_utils.lexicons import LexiconError
from research_utils.paths import DEFAULT_ARTICLE, NOTEBOOKS, REPORTS_DIR

# nbformat validates notebooks with jsonschema, whose optional checker of the "iri" string
# format compiles some forty Lark grammars when imported (2.5 s here, before any kernel can
# start). No notebook schema uses that format, so this process goes without the checker.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
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
        help="output folder; each article gets DIR/<article-slug>/ (default: reports/)",
    )
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        default=[],
        help="set a notebook parameter (converted to the type the notebook declares)",
    )
    p.add_argument(
        "-f",
        "--parameters-file",
        metavar="params.yaml",
        help="YAML mapping of notebook parameters (lists and dicts go here)",
    )
    p.add_argument(
        "--notebooks",
        metavar="LIST",
        default=",".join(NOTEBOOKS),
        help="comma-separated notebook names or number prefixes (default: all), e.g. 01,03",
    )
    p.add_argument(
        "--compare",
        action="store_true",
        help="analyse the first ARTICLE and compare it with the others (sets compare_paths)",
    )
    p.add_argument("--jobs", type=int, default=3, help="notebooks executed at once (default 3)")
    p.add_argument("--timeout", type=int, default=600, help="per-cell timeout in seconds (default 600)")
    p.add_argument(
        "--list-parameters",
        action="store_true",
        help="print every notebook's parameters with type, default and help, then exit",
    )
    return p


def _select(spec: str) -> list[str]:
    chosen = []
    for item in (x.strip() for x in spec.split(",") if x.strip()):
        match = [s for s in NOTEBOOKS if s == item or s.startswith(item)]
        if len(match) != 1:
            raise ValueError(
                f"--notebooks: '{item}' matches no single notebook; choose from {', '.join(NOTEBOOKS)}."
            )
        chosen.append(match[0])
    return chosen


def _read_params_file(path: str) -> dict[str, Any]:
    import yaml

    p = Path(path)
    if not p.is_file():
        raise ValueError(f"-f {path}: no such file; check the path.")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise ValueError(f"-f {path}{where}: not valid YAML; fix the file.") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"-f {path}: must be a mapping of parameter names to values.")
    return data


def _stop_kernels() -> None:
    """Terminate the kernels this process started (its child processes), then wait briefly."""
    me = os.getpid()
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            children.append(int(stat.parent.name))
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + 5
    while children and time.monotonic() < deadline:
        children = [pid for pid in children if Path(f"/proc/{pid}").exists() and _alive(pid)]
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, ChildProcessError):
        return False
    return state != "Z"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``research-report`` console script; returns the exit code."""
    from research_utils import report

    args = _parser().parse_args(argv)

    def _interrupt(signum: int, frame: object) -> None:
        report.INTERRUPT.set()  # build_report notices, removes its build folder, raises KeyboardInterrupt

    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        stems = _select(args.notebooks)
        if args.list_parameters:
            for s in stems:
                print(s)
                for d in report.declared_parameters(s).values():
                    print(f"  {d.name}: {d.type_name} = {d.default}  # {d.help}")
            return 0
        articles = [Path(a) for a in args.articles] or [DEFAULT_ARTICLE]
        file_params = _read_params_file(args.parameters_file) if args.parameters_file else {}
        cli_params = dict(args.parameter)
        if args.compare:
            if len(articles) < 2:
                raise ValueError("--compare needs at least two articles.")
            file_params["compare_paths"] = [str(a.resolve()) for a in articles[1:]]
            articles = articles[:1]
        for key in ("compare_paths",):
            if key in file_params and isinstance(file_params[key], list):
                file_params[key] = [str(Path(v).resolve()) for v in file_params[key]]
        try:
            params = report.check_parameters(stems, cli_params, file_params)
        except report.ReportError as exc:
            raise ValueError(str(exc)) from None  # a usage error: exit 2, no kernel started
        for a in articles:  # read every article first: a bad one fails before any kernel starts
            from research_utils.article import load_article

            load_article(a)
        for a in articles:
            report.build_report(
                a,
                args.out,
                stems=stems,
                params=params,
                jobs=args.jobs,
                timeout=args.timeout,
                progress=lambda m: print(m, flush=True),
            )
    except (ArticleError, LexiconError, ValueError) as exc:
        print(f"research-report: error: {exc}", file=sys.stderr)
        return 2
    except report.ReportError as exc:
        print(f"research-report: error: {exc}", file=sys.stderr)
        print("research-report: the previous report (if any) is unchanged.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _stop_kernels()
        for leftover in Path(args.out).glob(".build-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        print(
            "research-report: interrupted; the report being built was removed, earlier reports are unchanged.",
            file=sys.stderr,
        )
        sys.stderr.flush()
        os._exit(130)  # do not wait for kernels still running in worker threads
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

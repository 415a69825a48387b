"""Notebook parameters: what each notebook declares, and checking values against it.

Parameters are checked before any kernel starts: an unknown name, a value of the wrong
type, or a path parameter naming no file is an error that says which parameter and the
form that works. Path parameters (names ending in ``_path``, ``_paths``, ``_lexicon`` or
``_file``) are made absolute once, against the folder the command ran in, so nothing
later depends on a working directory.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from research_utils.report import registry

__all__ = [
    "RUNNER_PARAMETERS",
    "Declared",
    "ParameterError",
    "check_parameters",
    "declared_parameters",
    "is_path_parameter",
    "resolve_paths",
]

RUNNER_PARAMETERS = ("article_path", "output_dir", "data_dir")
"""Parameters the runner sets itself for every notebook."""

PATH_SUFFIXES = ("_path", "_paths", "_lexicon", "_file")
"""Parameter names with these endings name files."""


class ParameterError(ValueError):
    """A parameter value that cannot be used; the message names it and the form that works."""


@dataclass(frozen=True)
class Declared:
    """One parameter declared in a notebook's ``parameters`` cell."""

    name: str
    type_name: str
    default: str
    help: str


def is_path_parameter(name: str) -> bool:
    """True when a parameter's name says it holds a file path (or a list of them)."""
    return name.endswith(PATH_SUFFIXES)


def declared_parameters(stem: str) -> dict[str, Declared]:
    """The parameters a notebook declares, from its ``parameters``-tagged cell.

    Raises
    ------
    ParameterError
        If the notebook does not exist or has no (or more than one) ``parameters`` cell.
    """
    path = registry.notebook_path(stem)
    if not path.exists():
        raise ParameterError(f"no notebook {path}: choose from {', '.join(registry.stems('all'))}.")
    return _declared(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _declared(path: str, _mtime: int) -> dict[str, Declared]:
    """Read the ``parameters`` cell with :mod:`ast`, the way ``papermill --help-notebook``
    reports it (``name: type = default  # help``; tests/test_pipeline.py checks that the
    two agree). Importing papermill and nbformat costs over a second, which every usage
    error of the command line would otherwise pay before it can say what is wrong."""
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ParameterError(f"{path} is not a readable notebook ({exc}).") from None
    tagged = [c for c in cells if "parameters" in (c.get("metadata") or {}).get("tags", [])]
    if len(tagged) != 1:
        raise ParameterError(f"{path} has {len(tagged)} cells tagged 'parameters'; it needs exactly one.")
    source = tagged[0]["source"]
    source = "".join(source) if isinstance(source, list) else str(source)
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ParameterError(f"the parameters cell of {path} is not valid Python ({exc.msg}).") from None
    lines = source.splitlines()
    found: dict[str, Declared] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, type_name = node.target.id, ast.unparse(node.annotation)
        elif (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            name, type_name = node.targets[0].id, "None"
        else:
            continue
        default = ast.get_source_segment(source, node.value) or ""
        last = lines[(node.end_lineno or node.lineno) - 1][node.end_col_offset or 0 :]
        comment = last.split("#", 1)[1].strip() if "#" in last else ""
        found[name] = Declared(name, type_name, default, comment)
    return found


def _example(t: str, name: str) -> str:
    """The form that works for a parameter of type ``t``."""
    return {
        "int": f"-p {name} 20",
        "float": f"-p {name} 0.5",
        "bool": f"-p {name} true",
        "list": f"-p {name} a,b,c or, in -f params.yaml, '{name}: [a, b, c]'",
        "dict": f"in -f params.yaml, '{name}: {{key: value}}'",
        "str": f"-p {name} text",
    }.get(t, f"-p {name} VALUE")


def _coerce(name: str, value: Any, decl: Declared, source: str) -> Any:
    """Check (and for command-line strings, convert) a value against its declared type."""
    t = decl.type_name.split("[")[0].strip().lower()
    from_cli = source == "-p"

    def fail(got: Any) -> ParameterError:
        shown = repr(got) if len(repr(got)) <= 80 else repr(got)[:77] + "..."
        return ParameterError(
            f"parameter '{name}' must be {t}, got {shown} from {source}; write it as {_example(t, name)}."
        )

    if t == "str":
        if from_cli or isinstance(value, str):
            return str(value)
        raise fail(value)
    if t == "bool":
        if from_cli and isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "yes", "1"):
                return True
            if low in ("false", "no", "0"):
                return False
        if isinstance(value, bool):
            return value
        raise fail(value)
    if t == "int":
        if from_cli and isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                raise fail(value) from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(value)
        return value
    if t == "float":
        if from_cli and isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise fail(value) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise fail(value)
        return float(value)
    if t == "list":
        if from_cli and isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                from research_utils.safeyaml import YamlError, parse_yaml

                try:
                    value = parse_yaml(text, f"-p {name}")
                except YamlError:
                    raise fail(value) from None
            else:  # a,b,c
                value = [part.strip() for part in text.split(",") if part.strip()]
        if not isinstance(value, list):
            raise fail(value)
        return value
    if t == "dict":
        if not isinstance(value, dict):
            raise fail(value)
        return value
    return value  # undeclared type: pass through


def check_parameters(
    stems: Iterable[str],
    cli_params: dict[str, str] | None = None,
    file_params: dict[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """Validate parameters against the notebooks' declarations, before any kernel starts.

    A parameter must be declared by at least one of the notebooks being built; each
    notebook receives only the parameters it declares. ``file_params`` may also group
    settings by notebook: a key that names a notebook (its stem or its number prefix,
    ``02`` or ``02_stance_comparison``) holds a mapping that applies to that notebook
    only, after the shared settings.

    Parameters
    ----------
    stems : iterable of str
        Notebooks to build.
    cli_params : dict, optional
        ``-p NAME VALUE`` pairs (strings, converted by the declared type).
    file_params : dict, optional
        Values from ``-f params.yaml`` (already typed by YAML).

    Returns
    -------
    dict
        ``{notebook stem: {name: value}}``.

    Raises
    ------
    ParameterError
        For an unknown name, a runner-owned name, or a value of the wrong type.
    """
    stems = list(stems)
    declared = {s: declared_parameters(s) for s in stems}
    shared: dict[str, tuple[Any, str]] = {}
    per_notebook: dict[str, dict[str, tuple[Any, str]]] = {s: {} for s in stems}
    for key, value in (file_params or {}).items():
        name = f"{key:02d}" if isinstance(key, int) and not isinstance(key, bool) else str(key)
        target = _notebook_key(name, stems)
        if target is None:
            shared[name] = (value, "-f")
            continue
        if not isinstance(value, dict):
            raise ParameterError(
                f"-f: '{name}' names a notebook, so it must hold a mapping of its parameters "
                f"('{name}: {{top_n: 10}}')."
            )
        for sub, subvalue in value.items():
            per_notebook[target][str(sub)] = (subvalue, f"-f {name}")
    for name, value in (cli_params or {}).items():
        shared[name] = (value, "-p")
    known = sorted({n for d in declared.values() for n in d} - set(RUNNER_PARAMETERS))
    out: dict[str, dict[str, Any]] = {s: {} for s in stems}

    def check_name(name: str, source: str, owners: list[str]) -> None:
        if name in RUNNER_PARAMETERS:
            raise ParameterError(
                f"parameter '{name}' is set by research-report itself: "
                + {
                    "article_path": "give articles as arguments.",
                    "data_dir": "give the corpus folders as arguments.",
                }.get(name, "use --out.")
            )
        if not owners:
            raise ParameterError(
                f"unknown parameter {name!r} ({source}); the notebooks declare: {', '.join(known)}."
            )

    for name, (value, source) in shared.items():
        owners = [s for s in stems if name in declared[s]]
        check_name(name, source, owners)
        for s in owners:
            out[s][name] = _in_range(
                name, _coerce(name, value, declared[s][name], source), declared[s][name], source
            )
    for s, values in per_notebook.items():
        for name, (value, source) in values.items():
            check_name(name, source, [s] if name in declared[s] else [])
            out[s][name] = _in_range(
                name, _coerce(name, value, declared[s][name], source), declared[s][name], source
            )
    return out


_RANGE = re.compile(
    r"\((?P<low>-?\d+(?:\.\d+)?) or more\)"
    r"|\((?P<from>-?\d+(?:\.\d+)?) to (?P<to>-?\d+(?:\.\d+)?)\)"
    r"|\(more than (?P<above>-?\d+(?:\.\d+)?)\)"
)


def value_range(decl: Declared) -> tuple[float | None, float | None, bool]:
    """The range a number parameter's help declares, as ``(low, high, low_excluded)``:
    "(1 or more)", "(0 to 1000)" or "(more than 0)" at the end of its comment in the
    notebook's parameters cell (None where no bound is declared)."""
    m = _RANGE.search(decl.help)
    if m is None:
        return None, None, False
    if m["low"] is not None:
        return float(m["low"]), None, False
    if m["above"] is not None:
        return float(m["above"]), None, True
    return float(m["from"]), float(m["to"]), False


def _in_range(name: str, value: Any, decl: Declared, source: str) -> Any:
    """Refuse a number outside the range its parameter declares (before any kernel starts)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    low, high, excluded = value_range(decl)
    too_low = low is not None and (value <= low if excluded else value < low)
    too_high = high is not None and value > high
    if too_low or too_high:
        want = (
            f"more than {low:g}"
            if excluded
            else f"from {low:g} to {high:g}"
            if high is not None and low is not None
            else f"{low:g} or more"
            if low is not None
            else f"at most {high:g}"
        )
        raise ParameterError(f"parameter '{name}' must be {want}, got {value!r} from {source}.")
    return value


def _notebook_key(key: str, stems: list[str]) -> str | None:
    """The stem a params-file key names (``02``, ``2`` or ``02_stance_comparison``), if any.
    YAML reads an unquoted ``02:`` as the integer 2, which the caller passes as ``"02"``."""
    for stem in registry.stems("all"):
        number = stem.split("_", 1)[0]
        if key == stem or (key.isdigit() and number.isdigit() and int(key) == int(number)):
            if stem not in stems:
                raise ParameterError(
                    f"-f: settings for '{key}', but {stem} is not among the notebooks being built."
                )
            return stem
    return None


def resolve_paths(params: dict[str, dict[str, Any]], base: Path) -> dict[str, dict[str, Any]]:
    """Make every path parameter absolute against ``base`` and check that it names a file.

    Lexicon files are also read once here (size limit, YAML syntax, no aliases), so that
    a bad one is a one-line error before any kernel starts.

    Raises
    ------
    ParameterError
        For a path that is not a string, names no file, or a lexicon that is not valid YAML.
    """
    from research_utils.lexicons import MAX_LEXICON_BYTES
    from research_utils.safeyaml import YamlError, load_yaml

    out: dict[str, dict[str, Any]] = {}
    for stem, values in params.items():
        out[stem] = dict(values)
        for name, value in values.items():
            if name == "pack":
                out[stem][name] = _resolve_pack(value, base)
                continue
            if not is_path_parameter(name):
                continue
            many = isinstance(value, list)
            items = value if many else [value]
            resolved = []
            for v in items:
                if not isinstance(v, str):
                    raise ParameterError(
                        f"parameter '{name}' must hold file paths as text, got {v!r}; "
                        f"write e.g. '{name}: [path/to/a.txt]' in -f params.yaml."
                    )
                if not v:
                    resolved.append(v)
                    continue
                p = (base / v).resolve()
                if not p.is_file():
                    raise ParameterError(f"parameter '{name}': {v} is not a file; check the path.")
                if name.endswith("_lexicon"):
                    try:
                        load_yaml(p, max_bytes=MAX_LEXICON_BYTES, what="lexicon")
                    except YamlError as exc:
                        raise ParameterError(f"parameter '{name}': {exc}") from None
                resolved.append(str(p))
            out[stem][name] = resolved if many else resolved[0]
    return out


def _resolve_pack(value: Any, base: Path) -> str:
    """A ``pack`` parameter checked now (not inside a kernel): a bundled pack's name as given,
    a folder of one's own as an absolute path (relative paths resolve against ``base``)."""
    from research_utils.lexicons.pack import PackError, bundled_packs, load_pack

    if not isinstance(value, str):
        raise ParameterError(f"parameter 'pack' must be a pack name or a folder, got {value!r}.")
    if value in bundled_packs() or not value:
        return value
    folder = (base / value).resolve()
    try:
        load_pack(folder)
    except PackError as exc:
        raise ParameterError(f"parameter 'pack': {exc}") from None
    return str(folder)

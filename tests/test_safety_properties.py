"""Random YAML structures and random text shapes, each within a time and memory budget.

Whatever a user writes into a sidecar, a parameter file or a lexicon, and whatever shape an
article has (one endless line, nothing but quotes, a word of 50,000 letters, ten thousand
one-word lines), reading it either succeeds or ends in the package's own one-line error,
and never takes more than a few seconds or a few hundred megabytes.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_utils.ingest import ArticleError, article_from_text
from research_utils.ingest.read import check_meta
from research_utils.lexicons import LexiconError, load_lexicon
from research_utils.report.parameters import ParameterError, check_parameters
from research_utils.safeyaml import YamlError, parse_yaml

ANY_FIELD = {
    "people": list,
    "adjectives": list,
    "case_sensitive": list,
    "exclude": list,
    "kind": str,
    "notes": str,
    "x": str,
}
TIME_BUDGET_S = 5.0
MEMORY_BUDGET_MB = 300.0


def within_budget(fn: Callable[[], Any], expected: tuple[type[BaseException], ...]) -> None:
    """Run ``fn``: it may raise only ``expected`` errors (one line each), within the budget."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        fn()
    except expected as exc:
        assert "\n" not in str(exc), f"error message spans lines: {exc}"
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < TIME_BUDGET_S, f"took {elapsed:.1f} s"
    assert peak / 1e6 < MEMORY_BUDGET_MB, f"peak {peak / 1e6:.0f} MB"


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=5),
    ),
    max_leaves=40,
)
META_KEYS = st.sampled_from(
    [
        "outlet",
        "title",
        "date",
        "date_approximate",
        "url",
        "headings",
        "furniture",
        "deck",
        "notes",
        "publisher",
    ]
)
sidecars = st.dictionaries(META_KEYS, structures, max_size=6)
lexicons = st.fixed_dictionaries(
    {
        "meta": st.one_of(
            structures,
            st.fixed_dictionaries(
                {"name": scalars, "sources": structures}, optional={"description": scalars, "method": scalars}
            ),
        ),
        "entries": st.one_of(
            structures,
            st.lists(
                st.dictionaries(st.sampled_from(["id", "label", "terms", "x"]), structures, max_size=4),
                max_size=4,
            ),
        ),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structures)
def test_any_yaml_structure_parses_or_says_why(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    within_budget(lambda: parse_yaml(text, "x.yaml"), (YamlError,))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sidecars)
def test_any_sidecar_is_checked_or_refused(data: dict[str, Any]) -> None:
    def check() -> None:
        parsed = parse_yaml(yaml.safe_dump(data, allow_unicode=True), "a.meta.yaml")
        if isinstance(parsed, dict):
            meta = check_meta(parsed, Path("a.meta.yaml"))
            for key, value in meta.items():
                assert isinstance(value, (str, bool, list)), key

    within_budget(check, (ArticleError, YamlError))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lexicons)
def test_any_lexicon_is_validated_or_refused(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actors.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        within_budget(
            lambda: load_lexicon(
                "actors", schema={"label": str, "terms": list}, optional=ANY_FIELD, user_path=path
            ),
            (LexiconError,),
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["top_n", "kwic_terms", "01", "03", "compare_paths", "x"]), structures, max_size=4
    )
)
def test_any_parameter_file_is_checked_or_refused(data: dict[str, Any]) -> None:
    within_budget(
        lambda: check_parameters(["01_text_statistics", "03_framing_analysis"], file_params=data),
        (ParameterError,),
    )


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=12)
PIECES = st.one_of(
    WORD,
    st.sampled_from(
        [
            ". ",
            "? ",
            "! ",
            ", ",
            "“",
            "”",
            "‘",
            "’",
            '"',
            "\n",
            "\n\n",
            " — ",
            "U.S. ",
            "Mr. ",
            "...",
            "(",
            ")",
        ]
    ),
)


@st.composite
def text_shapes(draw: st.DrawFn) -> str:
    """Article shapes that have hurt text tools: endless lines, quote storms, giant words, many lines."""
    shape = draw(st.sampled_from(["mixed", "one_line", "quotes", "giant_word", "many_lines"]))
    if shape == "one_line":
        return " ".join(draw(st.lists(WORD, min_size=1, max_size=20)) * draw(st.integers(100, 3000)))
    if shape == "quotes":
        return "Title\n\n" + "“" * draw(st.integers(1, 5000)) + " said " + "”" * draw(st.integers(0, 5000))
    if shape == "giant_word":
        return "Title\n\n" + "x" * draw(st.integers(1000, 50_000)) + ". The end came."
    if shape == "many_lines":
        return "\n".join(draw(st.lists(WORD, min_size=1, max_size=5)) * draw(st.integers(100, 2000)))
    return " ".join(draw(st.lists(PIECES, max_size=400)))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(text_shapes())
def test_any_text_shape_parses_within_budget(text: str) -> None:
    def parse() -> None:
        doc = article_from_text(text)
        sents = doc.sentences
        assert (sents["words"] <= 150).all()
        _ = doc.tokens, doc.segments

    within_budget(parse, (ArticleError,))

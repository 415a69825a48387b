"""The one vocabulary: types keep acronyms, terms fold possessives, stop words, reference frequency."""

from __future__ import annotations

import numpy as np
import pytest

from research_utils.ingest import article_from_text
from research_utils.ingest.vocabulary import REFERENCE_FLOOR, load_stopwords, norm, reference_frequency, term


@pytest.mark.parametrize(
    ("token", "type_", "term_"),
    [
        ("US", "US", "US"),
        ("us", "us", "us"),
        ("Us", "us", "us"),
        ("NATO's", "NATO's", "NATO"),
        ("Ukraine's", "ukraine's", "ukraine"),
        ("allies'", "allies'", "allies"),
        ("it's", "it's", "it's"),
        ("A", "a", "a"),
    ],
)
def test_type_and_term(token: str, type_: str, term_: str) -> None:
    assert norm(token) == type_
    assert term(norm(token)) == term_


def test_document_tokens_carry_the_vocabulary() -> None:
    doc = article_from_text("Title\n\nThe US told us that NATO's members and the EU agree.")
    t = doc.tokens.set_index("token")
    assert t.loc["US", "norm"] == "US" and not t.loc["US", "stopword"]
    assert t.loc["us", "stopword"] and t.loc["NATO's", "term"] == "NATO"


def test_reference_frequency_floor() -> None:
    got = reference_frequency(["the", "zzqxv"])
    assert got[0] > 0.01 and got[1] == REFERENCE_FLOOR
    assert reference_frequency(["zzqxv"], floored=False)[0] == 0
    assert reference_frequency(np.array(["NATO"]))[0] == reference_frequency(["nato"])[0]


def test_stopwords_user_file(tmp_path) -> None:
    f = tmp_path / "stop.txt"
    f.write_text("# mine\nFoo\nbar’s\n", encoding="utf-8")
    assert load_stopwords(str(f)) == frozenset({"foo", "bar's"})
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_stopwords(str(tmp_path / "none.txt"))

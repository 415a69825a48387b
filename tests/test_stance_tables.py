"""Stance: the tables the notebook shows beside the measures, and the machinery under them.

Hand-built tables with hand-computed expectations for what used to be computed in
notebook cells (extremes, comparison pivots, evidence filters, display; the coding sheet is
in test_coding_sheet.py),
and checks that the shared per-document machinery (one parse, one match per sentence,
binary-search look-ups, memo) gives what the plain definitions give.
"""

from __future__ import annotations

import dataclasses
import math
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from research_utils import article_from_text, load_article
from research_utils.analyses import stance as st
from research_utils.analyses.stance.matching import first_words_by_sentence, sentence_hits
from research_utils.analyses.stance.results import records
from research_utils.analyses.stance.text import sentence_at, sentences_between
from research_utils.analyses.stance.voice import segment_words
from research_utils.export import records as export_records
from research_utils.ingest import Corpus, words
from research_utils.lexicons import TermGroup, TermMatcher, present_words
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.sentiment import score_texts
from research_utils.views import Note


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


def frame(rows: list[tuple], columns: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns.split())


# ------------------------------------------------------------------ sentiment extremes


def test_sentiment_extremes_pick_first_lowest_and_highest_per_actor() -> None:
    sents = frame(
        [
            ("b", "russia", "Russia", 4, -0.5, "r4"),
            ("b", "russia", "Russia", 5, 0.3, "r5"),
            ("b", "russia", "Russia", 6, -0.5, "r6"),  # ties the lowest: the first one wins
            ("b", "ukraine", "Ukraine", 7, 0.1, "u7"),  # one sentence: most negative and most positive
            ("a", "russia", "Russia", 0, 0.9, "a0"),
        ],
        "article actor label sentence_id compound sentence",
    )
    out = st.sentiment_extremes(sents)
    got = list(zip(out["article"], out["label"], out["which"], out["sentence"], strict=True))
    assert got == [  # articles in order of appearance, then label, then which
        ("b", "Russia", "most negative", "r4"),
        ("b", "Russia", "most positive", "r5"),
        ("b", "Ukraine", "most negative", "u7"),
        ("b", "Ukraine", "most positive", "u7"),
        ("a", "Russia", "most negative", "a0"),
        ("a", "Russia", "most positive", "a0"),
    ]
    assert st.sentiment_extremes(sents.iloc[:0]).empty


# ------------------------------------------------------------------ claims evidence


CLAIMS = frame(
    [
        ("x", 3, "Russia", "Neutrality", 1, "claim", "subject", "accepted", 1),
        ("x", 1, "Ukraine", "Neutrality", math.nan, "mention", "addressee", "must", 1),
        ("x", 1, "NATO", "Neutrality", math.nan, "mention", "mentioned", "", 0),
        ("x", 2, "Russia", "Crimea", -1, "claim", "speaker", "rejected", -1),
        ("x", 5, "EU", "Crimea", math.nan, "mention", "speaker", "agreed", 1),  # reports another's position
        ("x", 6, "EU", "Neutrality", 0, "claim", "subject", "discuss", 0),  # a claim that takes no side
    ],
    "article sentence_id label issue_label position role relation cue cue_position",
).assign(sentence=lambda d: [f"s{i}" for i in d["sentence_id"]])


def test_claim_evidence_filters() -> None:
    assert list(st.claims_with_position(CLAIMS)["sentence_id"]) == [3, 2]
    assert list(st.demands(CLAIMS)["relation"]) == ["addressee", "speaker"]  # mentions are no demands


# ------------------------------------------------------------------ comparison across articles


def test_comparison_table_one_column_per_measure_and_article() -> None:
    profile = frame(
        [
            ("y", "ukraine", "Ukraine", 4, 3, 1, 10),
            ("y", "russia", "Russia", 2, 2, 0, 0),
            ("x", "russia", "Russia", 5, 4, 2, 7),
        ],
        "article actor label mentions sentences deontic quoted_words",
    )
    sentiment = frame(
        [("x", "Russia", "author", -0.25), ("x", "Russia", "all", 0.5), ("y", "Ukraine", "author", 0.1)],
        "article label voice sentiment_mean",
    )
    out = st.comparison_table(profile, sentiment).set_index("label")
    assert list(out.columns) == [f"{m} | {a}" for m in st.COMPARED_MEASURES for a in ("y", "x")]
    assert list(out.index) == ["Russia", "Ukraine"]
    assert out.loc["Russia", "mentions | x"] == 5 and out.loc["Russia", "mentions | y"] == 2
    assert out.loc["Russia", "sentiment_author | x"] == -0.25  # the author voice, not "all"
    assert math.isnan(out.loc["Russia", "sentiment_author | y"])
    assert math.isnan(out.loc["Ukraine", "quoted_words | x"]) and out.loc["Ukraine", "quoted_words | y"] == 10
    assert list(st.comparison_table(profile.iloc[:0], sentiment).columns) == ["label"]


def test_position_comparison_averages_shared_labels() -> None:
    matrix = frame(
        [
            ("x", "Russia", "Crimea", 1.0),
            ("x", "Russia", "Crimea", 0.0),  # a second actor with the same label
            ("x", "Ukraine", "Crimea", -1.0),
            ("w", "Ukraine", "Crimea", 0.5),
        ],
        "article label issue_label net",
    )
    out = st.position_comparison(matrix)
    assert list(out.columns) == ["label", "issue_label", "net | x", "net | w"]
    assert out["net | x"].tolist() == [0.5, -1.0]
    assert math.isnan(out["net | w"].iloc[0]) and out["net | w"].iloc[1] == 0.5


# ------------------------------------------------------------------ counts and display


def test_count_table_orders_rows_and_columns() -> None:
    df = frame(
        [
            ("b", "Ukraine", "author"),
            ("a", "Russia", "quoted"),
            ("b", "Russia", "author"),
            ("b", "Russia", "author"),
            ("a", None, "author"),  # a missing key is not counted
        ],
        "article label voice",
    )
    by_article = st.count_table(df, ["article", "label"], ["voice"])
    assert by_article.values.tolist() == [
        ["b", "Russia", 2, 0],
        ["b", "Ukraine", 1, 0],
        ["a", "Russia", 0, 1],
    ]
    assert list(by_article.columns) == ["article", "label", "author", "quoted"]
    flat = st.count_table(df, ["label"], ["article", "voice"])  # rows in order of first appearance
    assert flat.values.tolist() == [["Ukraine", 0, 1], ["Russia", 1, 2]]
    assert list(flat.columns) == [
        "label",
        "a | quoted",
        "b | author",
    ]  # no "a | author": its row had no label


def test_table_view(monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython.display

    displayed: list[object] = []
    monkeypatch.setattr(IPython.display, "display", displayed.append)
    df = frame(
        [("x", "russia", "Russia", "crimea", "Crimea", 0.123456, 3)] * 5,
        "article actor label issue issue_label net claims",
    )
    one = st.TableView(compared=False, evidence_rows=2)
    shown = one.table(df)
    assert list(shown.columns) == ["label", "issue_label", "net", "claims"] and shown["net"].iloc[0] == 0.123
    assert len(one.table(df, ["article", "label", "net", "nope"], evidence=True)) == 2
    assert list(one.table(df, ["article", "label", "net", "nope"]).columns) == ["label", "net"]
    assert "article" in st.TableView(compared=True).table(df).columns
    one(df.iloc[:0], empty="Nothing found because of X.")
    one(None, empty="Never computed.")
    one.across(df, df)
    st.TableView(compared=True).across(df.iloc[:0], empty="No actor to compare.")
    one(df)
    lines = [str(x) for x in displayed[:-1]]
    assert all(isinstance(x, Note) for x in displayed[:-1]) and len(lines) == 4
    assert lines[:2] == ["Nothing found because of X.", "Never computed."]
    assert lines[2].startswith("One article analysed: nothing to compare.")
    assert lines[3] == "No actor to compare."
    assert list(displayed[-1].columns) == ["label", "issue_label", "net", "claims"]


def test_evidence_filters_of_markers() -> None:
    deontic = frame([("x", "ukraine"), ("x", ""), ("x", "west")], "article actor")
    assert list(st.obligations_on_actors(deontic)["actor"]) == ["ukraine", "west"]
    epistemic = frame([("x", ""), ("x", "russia, nato")], "article actors")
    assert list(st.epistemic_with_actors(epistemic)["actors"]) == ["russia, nato"]


# ------------------------------------------------------------------ results


def test_records_are_those_of_the_exporter() -> None:
    df = pd.DataFrame(
        {
            "article": ["a", "b"],
            "n": np.array([1, 2], dtype=np.int64),
            "x": [0.123456789, float("nan")],
            "flag": [True, False],
            "ids": [(1, 2), ()],
            "mixed": ["text", None],
        }
    )
    cols = ["article", "x", "n", "flag", "ids", "mixed", "absent"]
    assert records(df, cols) == export_records(df[[c for c in cols if c in df.columns]])
    assert records(df, cols)[0] == {
        "article": "a",
        "x": 0.123457,
        "n": 1,
        "flag": True,
        "ids": [1, 2],
        "mixed": "text",
    }
    assert records(df, cols)[1]["x"] is None and records(df, cols)[1]["mixed"] is None


def test_results_overview() -> None:
    out = st.results_overview({"method": "text", "voice": [{}, {}], "claims": []})
    assert out.values.tolist() == [["method", 1], ["voice", 2], ["claims", 0]]


# ------------------------------------------------------------------ one parse, matched once


TRICKY = (
    "Title\n\n“We will not,” he said.”When they came, ‘Marshall Plan’ talk ended. "
    "Ukraine’s non‑aligned status—“neutrality”—was debated.\n\n"
    "“An open quote runs to the end of its paragraph, Lavrov said"
)


@pytest.mark.parametrize("source", ["bundled", "tricky"])
def test_segment_words_count_the_words_of_each_stretch(bundled, source: str) -> None:
    doc = bundled if source == "bundled" else article_from_text(TRICKY)
    seg = doc.segments
    sentences = doc.parsed.sentence
    expected = [
        len(words(sentences[sid][a:b]))
        for sid, a, b in zip(seg["sentence_id"], seg["start"], seg["end"], strict=True)
    ]
    assert segment_words(doc).tolist() == expected
    overview = st.voice_overview(doc).iloc[0]
    assert overview["words"] == int(doc.sentences["words"].sum())


def test_voice_sentiment_scores_each_voice_alone() -> None:
    doc = article_from_text("“This is a wonderful, happy day,” Russia said angrily. It rained.")
    author = st.voice_sentiment(doc, "author", [0, 1])
    quoted = st.voice_sentiment(doc, "quoted", [0, 1])
    assert author[0][0] == "Russia said angrily." and quoted[0][0] == "This is a wonderful, happy day,"
    assert author[0][1] == pytest.approx(score_texts(["Russia said angrily."])["compound"][0])
    assert quoted[0][1] > 0.5 > author[0][1]
    assert author[1] == ("It rained.", doc.sentiment["compound"][1])  # the whole sentence: its own score
    assert 1 not in quoted  # no quotation, no quoted voice


SPELLINGS = (
    "Title\n\nThe U.S.-led talks and the U.S. position; the West’s aims, the WEST, the west of Kyiv. "
    "The European\u2011Union’s envoy and the European Union's envoy met the Verkhovna  Rada\u00a0speaker. "
    "The Kremlin’s non‑aligned plan: it is clear that Kiev won't, cannot and must not give up neutrality."
)


def test_sentence_hits_are_the_matchers_hits_on_each_sentence(bundled) -> None:
    """Skipping sentences (and first words) that cannot match changes no hit."""
    lex = st.load_stance_lexicons()
    doc = article_from_text(TRICKY + "\n\n" + SPELLINGS[7:] + "\n\n" + "\n\n".join(bundled.paragraphs))
    sentences = doc.parsed.sentence
    handed = first_words_by_sentence(doc, lex.actor_matcher)
    assert 0 < len(handed) < len(sentences)  # the index skips sentences without an actor
    assert all(words <= present_words(sentences[sid]) for sid, words in handed.items())
    wildcard = TermMatcher(
        [TermGroup("n", ("neutral*", "non-aligned", "Kyiv"))]
    )  # a term without a plain first word
    phrases = TermMatcher(
        [TermGroup("p", ("the European Union", "U.S.-led talks", "Verkhovna Rada speaker"))]
    )
    matchers = [
        getattr(lex, name) for name in dir(lex) if name.endswith("_matcher") and not name.startswith("_")
    ]
    assert len(matchers) == 11
    for matcher in [*matchers, wildcard, phrases]:
        expected = {i: matcher.find(s) for i, s in enumerate(sentences) if matcher.find(s)}
        assert sentence_hits(doc, matcher) == expected
    assert len(sentence_hits(doc, phrases)) == 3  # the phrases are there, in every spelling
    # a non-breaking hyphen is a hyphen, for the stance matcher as for the framing index
    assert "non\u2011aligned" in [
        h.match for hs in sentence_hits(doc, lex.issue_matcher).values() for h in hs
    ]
    some = [3, 5, 40]
    assert sentence_hits(doc, lex.actor_matcher, some) == {
        i: h for i, h in sentence_hits(doc, lex.actor_matcher).items() if i in some
    }


def test_binary_search_lookups_match_a_scan() -> None:
    rng = random.Random(3)
    for _ in range(200):
        starts, ends, pos = [], [], rng.randint(0, 5)
        for _ in range(rng.randint(1, 12)):
            starts.append(pos)
            pos += rng.randint(1, 9)
            ends.append(pos)
            pos += rng.randint(0, 2)
        a = rng.randint(0, pos + 2)
        b = a + rng.randint(0, 15)
        scan = max([i for i, s in enumerate(starts) if s <= a] or [0])
        assert sentence_at(starts, a) == scan
        assert list(sentences_between(starts, ends, a, b)) == [
            i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if s < b and e > a
        ]
        lo, hi = sorted(rng.sample(range(len(starts) + 1), 2)) if len(starts) > 1 else (0, 1)
        assert list(sentences_between(starts, ends, a, b, lo, hi)) == [
            i for i in range(lo, hi) if starts[i] < b and ends[i] > a
        ]


# ------------------------------------------------------------------ lexicon bundle, memo, inputs


def test_lexicon_bundle_is_frozen_and_fingerprinted() -> None:
    lex = st.load_stance_lexicons()
    assert lex.fingerprint == st.load_stance_lexicons().fingerprint  # equal content, equal key
    assert lex.fingerprint != st.load_stance_lexicons(include_adjectives=False).fingerprint
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.include_adjectives = False  # type: ignore[misc]
    assert set(lex.all()) == {"actors", "issues", "reporting_verbs", "epistemic", "deontic", "position_cues"}


def test_matches_are_kept_with_the_document_per_lexicon() -> None:
    doc = article_from_text("Russian troops left. Ukraine stayed.")
    lex, no_adj = st.load_stance_lexicons(), st.load_stance_lexicons(include_adjectives=False)
    assert st.analyse(doc, lex) is st.analyse(doc, st.load_stance_lexicons())
    assert st.analyse(doc, no_adj) is not st.analyse(doc, lex)
    assert [len(h) for h in st.analyse(doc, no_adj).actor_hits] == [0, 1]
    # the kept tables are shared: what a caller does to a returned table does not reach them
    first = st.claims(article_from_text("Russia rejected neutrality."))
    first["position"] = 99
    assert (st.claims(article_from_text("Russia rejected neutrality."))["position"] == -1).all()


def test_every_kind_of_input_is_a_corpus(tmp_path: Path) -> None:
    text = "“We are ready to talk,” Peskov said."
    path = tmp_path / "peskov.txt"
    path.write_text(text, encoding="utf-8")
    for x in (
        text,
        path,
        str(path),
        article_from_text(text),
        [article_from_text(text)],
        Corpus.of([load_article(path)]),
    ):
        attr = st.attributions(x)
        assert attr[["speaker", "actor", "quote"]].values.tolist() == [
            ["Peskov", "russia", "We are ready to talk,"]
        ]
    two = st.voice_overview([article_from_text(text), article_from_text(text)])
    assert two["article"].nunique() == 2  # the same slug twice is renamed, not merged


def test_profiles_split_every_measure_by_voice() -> None:
    doc = article_from_text("“Russia must go,” Ukraine said. Russia must stay.")
    p = st.actor_profiles(doc, n_boot=50)
    got = p[["actor", "voice", "mentions", "sentences", "deontic", "quotes", "quoted_words"]].values.tolist()
    assert got == [
        ["ukraine", "author", 1, 1, 0, 1, 3],
        ["russia", "author", 1, 1, 1, 0, 0],
        ["russia", "quoted", 1, 1, 1, 0, 0],
    ]
    with pytest.raises(ValueError, match="voice must be"):
        st.actor_profile(doc, voice="narrator")

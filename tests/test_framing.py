"""Tests for research_utils.analyses.framing: lexicons, frames, checklist, naming, persuasion,
Entman, contrast, results and the helpers the notebook displays with."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import pytest

from research_utils import article_from_text, load_article
from research_utils.analyses import framing as fr
from research_utils.ingest import Corpus
from research_utils.ingest.vocabulary import REFERENCE_FLOOR, reference_frequency
from research_utils.lexicons import LexiconError
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.views import Note, show

POLICY_FRAMES = [
    "economic",
    "capacity and resources",
    "morality",
    "fairness and equality",
    "legality, constitutionality and jurisprudence",
    "policy prescription and evaluation",
    "crime and punishment",
    "security and defense",
    "health and safety",
    "quality of life",
    "cultural identity",
    "public opinion",
    "political",
    "external regulation and reputation",
    "other",
]
GENERIC_FRAMES = ["responsibility", "human interest", "conflict", "morality", "economic consequences"]

ECONOMIC_TEXT = (
    "The budget deficit widened as tax revenue fell and inflation pushed prices higher. "
    "Investors fear a recession, and companies warned that jobs and wages are at risk. "
    "The finance ministry said spending cuts would cost the economy billions of dollars."
)
MILITARY_TEXT = (
    "Troops advanced under heavy artillery fire as the army launched a new offensive. "
    "Missile strikes hit an air base, and soldiers defended the front line against the attack. "
    "Military commanders said the war had entered a dangerous phase for national security."
)
# Documents, not strings: as_corpus reads a one-line string as a path first, and these are
# longer than a file name may be.
ECONOMIC = article_from_text(ECONOMIC_TEXT, path="econ.txt")
MILITARY = article_from_text(MILITARY_TEXT, path="mil.txt")


@pytest.fixture(scope="module")
def lex() -> fr.FramingLexicons:
    return fr.load_lexicons()


@pytest.fixture(scope="module")
def rt():
    return load_article(DEFAULT_ARTICLE)


def _row(df: pd.DataFrame, **kw) -> pd.Series:
    mask = np.ones(len(df), dtype=bool)
    for k, v in kw.items():
        mask &= df[k].to_numpy() == v
    rows = df[mask]
    assert len(rows) == 1, kw
    return rows.iloc[0]


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


FRAMES_HEADER = """
    meta:
      name: My frames
      description: test
      method: test
      sources: [me]
"""


# --------------------------------------------------------------------------- lexicons


def test_bundled_lexicons_follow_the_codebooks(lex):
    assert [e["frame"] for e in lex.policy.entries] == POLICY_FRAMES
    assert [e["frame"] for e in lex.generic.entries] == GENERIC_FRAMES
    assert all(e["definition"].strip() for e in [*lex.policy.entries, *lex.generic.entries])
    assert sorted(e["number"] for e in lex.checklist.entries) == list(range(1, 21))
    for item in lex.checklist.entries:
        assert bool(item.get("needs_human_coding")) != bool(item.get("cues") or item.get("patterns"))
        assert item["frame"] in GENERIC_FRAMES
    assert len(lex.persuasion.entries) == 23
    assert {e["family"] for e in lex.persuasion.entries} == {
        "attack on reputation",
        "justification",
        "distraction",
        "simplification",
        "call",
        "manipulative wording",
    }
    assert [e["function"] for e in lex.entman.entries] == [
        "problem definition",
        "causal interpretation",
        "moral evaluation",
        "treatment recommendation",
    ]
    assert all(one.meta["sources"] for one in lex.all().values())
    for entry in lex.naming.entries:
        assert entry["source"].strip() and entry["side_a"] and entry["side_b"]


def test_user_frame_lexicon_missing_field_names_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        "frames.yaml",
        FRAMES_HEADER
        + """    entries:
      - id: economic
        frame: economic
        definition: money
        cues: [money]
      - id: broken
        frame: broken
        definition: no cues here
    """,
    )
    with pytest.raises(LexiconError) as err:
        fr.load_frames("policy", str(path))
    assert str(path) in str(err.value) and "line 11" in str(err.value) and "cues" in str(err.value)


def test_frame_named_twice_is_an_error(tmp_path):
    path = _write(
        tmp_path,
        "frames.yaml",
        FRAMES_HEADER
        + """    entries:
      - id: a
        frame: Economic
        definition: money
        cues: [money]
      - id: b
        frame: economic
        definition: money again
        cues: [cash]
    """,
    )
    with pytest.raises(LexiconError, match=r"frames\.yaml, line 11: entry 'b' repeats the frame"):
        fr.load_frames("generic", str(path))


def test_invalid_regex_in_persuasion_lexicon_names_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        "persuasion.yaml",
        """
        meta:
          name: Mine
          description: test
          method: test
          sources: [me]
        entries:
          - id: slogans
            technique: slogans
            family: call
            definition: short phrases
            patterns: ['(unclosed']
        """,
    )
    with pytest.raises(LexiconError, match=r"persuasion\.yaml, line 7: .*regular expression"):
        fr.load_persuasion(str(path))


def test_naming_set_with_an_empty_side_is_an_error(tmp_path):
    path = _write(
        tmp_path,
        "naming.yaml",
        """
        meta:
          name: Mine
          description: test
          method: test
          sources: [me]
        entries:
          - id: capital
            referent: a city
            side_a: [Kyiv]
            side_b: []
            source: test
        """,
    )
    with pytest.raises(LexiconError, match=r"naming\.yaml, line 7: set 'capital' has no terms in 'side_b'"):
        fr.load_naming(str(path))


def test_checklist_item_needs_cues_or_human_coding(tmp_path):
    path = _write(
        tmp_path,
        "checklist.yaml",
        """
        meta:
          name: Mine
          description: test
          method: test
          sources: [me]
        entries:
          - id: q1
            number: 1
            frame: conflict
            question: Is there conflict?
        """,
    )
    with pytest.raises(LexiconError, match=r"line 7: item 'q1' needs 'cues'"):
        fr.load_checklist(str(path))


def test_not_yaml_is_an_error_with_a_line(tmp_path):
    path = _write(tmp_path, "bad.yaml", "meta: [unclosed\nentries: x\n")
    with pytest.raises(LexiconError, match=r"bad\.yaml, line \d"):
        fr.load_naming(str(path))


def test_user_lexicon_extends_bundled_frames_and_the_memo_follows_the_lexicon(tmp_path, lex):
    path = _write(
        tmp_path,
        "extra.yaml",
        """
        meta:
          name: Extra
          description: adds a frame
          method: test
          sources: [me]
          mode: extend
        entries:
          - id: sport
            frame: sport
            definition: sport as a frame
            cues: [football, match*]
        """,
    )
    mine = fr.load_lexicons(policy=str(path))
    assert [e["frame"] for e in mine.policy.entries] == [*POLICY_FRAMES, "sport"]
    assert (
        mine.policy.fingerprint != lex.policy.fingerprint
        and mine.generic.fingerprint == lex.generic.fingerprint
    )
    assert mine.fingerprint != lex.fingerprint
    doc = article_from_text("The football match was cancelled. Matches resume soon.")
    assert _row(fr.frame_scores(doc, mine), frame="sport")["hits"] == 3
    # the same document with the bundled lexicon: no "sport" frame, no stale hits from the memo
    assert "sport" not in set(fr.frame_scores(doc, lex)["frame"])
    assert fr.load_lexicons().fingerprint == lex.fingerprint  # equal content, equal fingerprint


def test_analyses_take_the_bundle_not_a_single_lexicon(lex):
    with pytest.raises(TypeError, match="load_lexicons"):
        fr.frame_scores("Some text.", lex.policy)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scheme"):
        fr.frame_scores("Some text.", lex, "both")


def test_lexicon_table_and_definitions(lex):
    table = fr.lexicon_table(lex)
    assert table["lexicon"].tolist() == list(lex.all())
    assert table["entries"].tolist() == [15, 5, 20, len(lex.naming.entries), 23, 4]
    defs = fr.frame_definitions(lex)
    assert defs["scheme"].tolist() == ["policy"] * 15 + ["generic"] * 5
    econ = _row(defs, scheme="policy", frame="economic")
    assert econ["cues"] == len(lex.policy.entries[0]["cues"])
    assert fr.frame_definitions(lex, "generic")["frame"].tolist() == GENERIC_FRAMES


# --------------------------------------------------------------------------- frame scores


def test_economic_text_is_dominated_by_the_economic_frame(lex):
    scores = fr.frame_scores(ECONOMIC, lex, "policy")
    assert scores[scores["dominant"]]["frame"].tolist() == ["economic"]
    assert _row(scores, frame="economic")["hits"] > 2 * scores[scores["frame"] != "economic"]["hits"].max()
    generic = fr.frame_scores(ECONOMIC, lex, "generic")
    assert generic[generic["dominant"]]["frame"].tolist() == ["economic consequences"]


def test_military_text_is_dominated_by_security_and_defense(lex):
    scores = fr.frame_scores(MILITARY, lex, "policy")
    assert scores[scores["dominant"]]["frame"].tolist() == ["security and defense"]
    assert _row(scores, frame="economic")["hits"] == 0


def test_adding_one_frames_cue_raises_that_frame_only(lex):
    before = fr.frame_scores("The committee discussed the weather on Monday.", lex)
    after = fr.frame_scores("The committee discussed the budget on Monday.", lex)
    diff = after.set_index("frame")["hits"] - before.set_index("frame")["hits"]
    assert diff["economic"] == 1
    assert (diff.drop("economic") == 0).all()
    rates = after.set_index("frame")["per_1000_words"] - before.set_index("frame")["per_1000_words"]
    assert (rates.drop("economic") == 0).all()  # same length, so other rates are unchanged


def test_rates_shares_and_presence_by_hand(lex):
    # 2 sentences, 9 words; economic cues: budget, taxes (2 hits, 1 sentence)
    text = "The budget raised taxes. Nobody came to the party."
    scores = fr.frame_scores(text, lex, min_cues=3)
    econ = _row(scores, frame="economic")
    assert econ["hits"] == 2
    assert econ["per_1000_words"] == round(1000 * 2 / 9, 2)
    assert econ["sentence_share"] == 0.5
    assert econ["top_cues"] == "budget (1), taxes (1)"
    assert econ["example_sentence_id"] == 0 and econ["example_sentence"] == "The budget raised taxes."
    assert econ["rank"] == 1 and _row(scores, frame="political")["rank"] == 2  # "party"
    assert pd.isna(_row(scores, frame="health and safety")["rank"])  # no hit, no rank
    assert not econ["present"] and not scores["dominant"].any()
    econ2 = _row(fr.frame_scores(text, lex, min_cues=2), frame="economic")
    assert econ2["present"] and econ2["dominant"]
    with pytest.raises(ValueError):
        fr.frame_scores(text, lex, min_cues=0)


def test_example_sentence_is_the_one_with_most_cues_and_ties_go_to_the_first(lex):
    text = "Taxes rose. The budget and taxes and prices were debated. Wages and jobs and the economy fell."
    econ = _row(fr.frame_scores(text, lex), frame="economic")
    assert econ["example_sentence_id"] == 1  # sentences 1 and 2 have three cues each
    assert econ["top_cues"].startswith("Taxes (2), budget (1)")  # counted by type, shown as first written


def test_frame_hits_carry_evidence_and_voice(lex):
    art = article_from_text("The minister said: “Taxes must rise.” The budget is late.")
    hits = fr.frame_hits(art, lex)
    econ = hits[hits["frame"] == "economic"]
    assert econ[["match", "voice", "sentence_id"]].values.tolist() == [
        ["Taxes", "quoted", 0],
        ["budget", "author", 1],
    ]
    assert econ["sentence"].tolist() == ["The minister said: “Taxes must rise.”", "The budget is late."]
    assert (econ["start"].tolist(), econ["end"].tolist()) == ([20, 4], [25, 10])
    scores = fr.frame_scores(art, lex)
    assert _row(scores, frame="economic")[["author_hits", "quoted_hits"]].tolist() == [1, 1]


def test_all_schemes_is_policy_then_generic(lex):
    both = fr.frame_scores(ECONOMIC, lex, "all")
    parts = pd.concat(
        [fr.frame_scores(ECONOMIC, lex, "policy"), fr.frame_scores(ECONOMIC, lex, "generic")],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(both, parts)
    assert both["scheme"].tolist() == ["policy"] * 15 + ["generic"] * 5
    hits = fr.frame_hits(ECONOMIC, lex, "all")
    assert list(dict.fromkeys(hits["scheme"])) == ["policy", "generic"]


def test_trajectory_and_cooccurrence(lex):
    art = article_from_text(
        "Headline\n\nThe army attacked. Prices rose.\n\nNothing happened here.\n\nSoldiers paid taxes on the base."
    )
    traj = fr.frame_trajectory(art, lex)
    assert len(traj) == 3 * len(POLICY_FRAMES)  # zeros included
    sec = traj[traj["frame"] == "security and defense"].set_index("paragraph_id")
    assert sec["hits"].tolist() == [2, 0, 1]  # army, attacked | - | Soldiers
    assert sec["words"].tolist() == [5, 3, 6]
    assert sec["per_1000_words"].tolist() == [400.0, 0.0, 166.7]
    assert sec["first_sentence_id"].tolist() == [0, 2, 3]
    co = fr.frame_cooccurrence(art, lex)
    pair = _row(co, frame_a="economic", frame_b="security and defense")
    assert (pair["sentences"], pair["example_sentence_id"]) == (1, 3)  # only the last sentence holds both
    assert pair["jaccard"] == round(1 / 3, 3)  # economic {1, 3}, security {0, 3}
    assert pair["example_matches"] == "taxes | Soldiers"


def test_display_helpers_for_frames(lex):
    doc = ECONOMIC
    scores = fr.frame_scores(doc, lex, "all")
    hits = fr.frame_hits(doc, lex, "all")
    examples = fr.frame_examples(scores, doc)
    assert set(examples["frame"]) == set(scores.loc[scores["hits"] > 0, "frame"])
    evidence = fr.dominant_evidence(scores, hits, doc, n=2)
    econ = evidence[(evidence["scheme"] == "policy") & (evidence["frame"] == "economic")]
    n_econ = _row(scores, scheme="policy", frame="economic")["hits"]
    assert len(econ) == 2 and set(econ["frame_hits"]) == {n_econ}
    assert set(evidence["frame"]) == {"economic", "economic consequences"}
    assert (
        fr.frames_with_hits(scores, doc, "policy")
        == examples.loc[examples["scheme"] == "policy", "frame"].tolist()
    )
    quiet = article_from_text("Nothing to see in this short text at all.", path="quiet.txt")
    quiet_scores = fr.frame_scores(quiet, lex, "all", min_cues=3)
    assert isinstance(fr.dominant_evidence(quiet_scores, fr.frame_hits(quiet, lex, "all"), quiet), Note)
    assert isinstance(fr.frame_examples(quiet_scores, quiet), Note)


# --------------------------------------------------------------------------- checklist


def test_checklist_answers_with_evidence(lex):
    text = "The opposition accused the minister of lying. Both sides rejected the plan."
    chk = fr.sv_checklist(text, lex)
    assert chk["number"].tolist() == list(range(1, 21))
    reproach = _row(chk, number=12)
    assert reproach["answer"] == "yes" and reproach["sentence_id"] == 0 and "accused" in reproach["match"]
    assert _row(chk, number=13)["answer"] == "yes"
    assert _row(chk, number=16)["answer"] == "no" and pd.isna(_row(chk, number=16)["sentence_id"])
    human = chk[chk["method"] == "human coder"]
    assert set(human["answer"]) == {"needs human coding"}
    assert {6, 9, 10, 15, 17} <= set(human["number"])
    scores = fr.sv_frame_scores(text, lex)
    conflict = _row(scores, frame="conflict")
    assert conflict["items"] == 4 and conflict["automatic_items"] == 4
    assert conflict["score"] == round(conflict["yes"] / 4, 3) and conflict["yes"] >= 3


def test_two_part_checklist_rule_needs_both_cues(lex):
    one = fr.sv_checklist("The government met on Monday.", lex)
    both = fr.sv_checklist("The government is responsible for the failure.", lex)
    assert _row(one, number=2)["answer"] == "no"
    row = _row(both, number=2)
    assert row["answer"] == "yes" and row["match"] == "government … responsible"
    evidence = fr.sv_checklist_evidence("The government is responsible for the failure.", lex)
    assert _row(evidence, number=2)["sentence_id"] == 0


# --------------------------------------------------------------------------- naming


def test_kiev_to_kyiv_moves_the_index_toward_side_a(lex):
    text = "Officials in Kiev met. Kiev and Moscow talked. Kyiv said no."
    before = _row(fr.naming_table(text, lex), set="kyiv")
    after = _row(fr.naming_table(text.replace("Kiev and", "Kyiv and"), lex), set="kyiv")
    assert before["index"] == round((1 - 2) / 3, 3)
    assert after["index"] == round((2 - 1) / 3, 3)
    assert before["forms"] == "Kiev (2), Kyiv (1)"


def test_term_inside_quotes_counts_as_quoted_voice(lex):
    art = article_from_text(
        "He said: “The special military operation goes on.” Reporters wrote of an invasion."
    )
    row = _row(fr.naming_table(art, lex), set="operation")
    assert (row["side_b_quoted"], row["side_b_author"]) == (1, 0)
    assert (row["side_a_author"], row["side_a_quoted"]) == (1, 0)
    assert row["index"] == 0.0 and row["index_author"] == 1.0


def test_naming_word_boundaries_and_overlaps(lex):
    text = (
        "Kiev's mayor met pro-Kiev activists from a Kiev-based group. The Kievan Rus was old. "
        "The Donbass is not the Donbas. This was the Maidan coup. The Cold War ended long ago."
    )
    hits = fr.naming_hits(text, lex)
    kyiv = hits[hits["set"] == "kyiv"]
    assert kyiv["match"].tolist() == ["Kiev", "Kiev", "Kiev"]  # not Kievan
    assert kyiv["start"].tolist() == [0, 21, 43]
    don = hits[hits["set"] == "donbas"]
    assert list(zip(don["match"], don["side"], strict=True)) == [("Donbass", "B"), ("Donbas", "A")]
    assert hits[hits["set"] == "maidan"]["match"].tolist() == ["Maidan coup"]  # one match, not also "coup"
    assert hits[hits["set"] == "operation"].empty  # "Cold War" is excluded


def test_naming_index_is_nan_without_terms_and_pooled_overall(lex):
    tab = fr.naming_table("Nothing about places here.", lex)
    assert tab["index"].isna().all()
    assert math.isnan(fr.naming_index(tab))
    text = "Kyiv and Kyiv and Kyiv. Donbass and Donbass. Odesa."
    tab = fr.naming_table(text, lex)
    assert fr.naming_index(tab) == pytest.approx(2 / 6)  # pooled: A = 3 + 1, B = 2
    overall = fr.naming_overall(text, lex).iloc[0]
    assert overall["sets_used"] == 3
    assert overall["mean_set_index"] == round((1 + -1 + 1) / 3, 3)
    assert (
        fr.naming_title(fr.naming_overall(text, lex), overall["article"])
        == "Naming choices (author's own usage: index +0.33)"
    )
    quiet = fr.naming_overall("Nothing here.", lex)
    assert fr.naming_title(quiet, quiet["article"].iloc[0]) == "Naming choices (no term of any set)"
    only_quoted = fr.naming_overall('Peskov said: "Kiev is to blame for it all."', lex)
    assert fr.naming_title(only_quoted, only_quoted["article"].iloc[0]) == (
        "Naming choices (author's own usage: no term of any set; all voices -1.00)"
    )
    with pytest.raises(ValueError):
        fr.naming_index(tab, voice="nobody")


def test_naming_sides_come_from_the_lexicon_header(lex):
    sides = fr.naming_sides(lex)
    assert sides == {"side_a": lex.naming.meta["side_a"], "side_b": lex.naming.meta["side_b"]}


# --------------------------------------------------------------------------- persuasion, Entman


def test_persuasion_candidates_and_counts(lex):
    text = (
        "Even the Pope himself said the plan was brutal. The security guarantees matter. "
        "Security guarantees were offered. Nobody trusts the security guarantees."
    )
    cands = fr.persuasion_cues(text, lex, repetition_min=3)
    auth = cands[cands["technique"] == "appeal to authority"]
    assert auth["cue_type"].tolist() == ["pattern"] and auth["match"].iloc[0].startswith("Even the Pope")
    rep = cands[cands["technique"] == "repetition"]
    assert rep["match"].str.lower().tolist() == ["security guarantees"] * 3
    assert rep["sentence_id"].tolist() == [1, 2, 3] and set(rep["cue_type"]) == {"computed"}
    counts = fr.persuasion_counts(text, lex, repetition_min=3)
    assert counts["technique"].tolist() == [e["technique"] for e in lex.persuasion.entries]
    assert _row(counts, technique="repetition")[["count", "sentences", "example_sentence_id"]].tolist() == [
        3,
        3,
        1,
    ]
    assert _row(counts, technique="loaded language")["count"] == 1
    assert _row(counts, technique="red herring")["needs_human_coding"]
    phrases = fr.repeated_phrases(text, min_count=3)
    assert phrases[["phrase", "words", "count", "sentence_ids"]].values.tolist() == [
        ["security guarantees", 2, 3, "1, 2, 3"]
    ]
    with pytest.raises(ValueError):
        fr.repeated_phrases(text, min_count=1)


def test_repeated_phrases_use_the_shared_vocabulary():
    # "NATO" keeps its capitals (the shared type), so the phrase reads as written
    text = "NATO membership is off. NATO membership was promised. Nobody wants NATO membership now."
    assert fr.repeated_phrases(text, min_count=3)["phrase"].tolist() == ["NATO membership"]
    # a phrase must start and end with a content word: "of the" phrases never count
    text = "The end of the war. The end of the war. The end of the war."
    assert fr.repeated_phrases(text, min_count=3)["phrase"].tolist() == ["end of the war"]
    # minimal pair: used twice is not a repetition at min_count 3, three times is
    two = "Grain exports stopped. Grain exports resumed. Nothing else happened."
    three = "Grain exports stopped. Grain exports resumed. Grain exports fell."
    assert fr.repeated_phrases(two, min_count=3).empty
    assert fr.repeated_phrases(three, min_count=3)["phrase"].tolist() == ["grain exports"]


def test_entman_functions_flag_sentences(lex):
    text = "The crisis deepened. Prices rose because of the war. The plan was wrong. Leaders should act."
    flags = fr.entman_functions(text, lex)
    got = {(f, s) for f, s in zip(flags["function"], flags["sentence_id"], strict=True)}
    assert {
        ("problem definition", 0),
        ("causal interpretation", 1),
        ("moral evaluation", 2),
        ("treatment recommendation", 3),
    } <= got
    summary = fr.entman_summary(text, lex)
    assert summary["sentences"].tolist() == [1, 1, 1, 1]
    assert summary["sentence_share"].tolist() == [0.25] * 4


def test_entman_voice_and_strongest_example(lex):
    art = article_from_text(
        "The crisis is a “threat”, he said. The crisis and the dispute and the threat grew."
    )
    flags = fr.entman_functions(art, lex)
    problem = flags[flags["function"] == "problem definition"]
    assert problem["voice"].tolist() == ["both", "author"]
    assert problem["cues"].tolist() == [2, 3]
    row = _row(fr.entman_summary(art, lex), function="problem definition")
    assert row["example_sentence_id"] == 1 and row["example_match"] == "crisis; dispute; threat"


# --------------------------------------------------------------------------- contrast


def test_distinctive_words_match_the_formula():
    a = article_from_text("Apple apple apple banana cherry.", path="a.txt")
    b = article_from_text("Banana banana cherry cherry date.", path="b.txt")
    dw = fr.distinctive_words([a, b], prior="pooled", prior_strength=10, min_count=1, top_n=10)
    # hand computation for "apple" in a: y_i = 3, y_j = 0, pooled share 3/10 -> alpha = 3
    alpha, a0 = 3.0, 10.0
    delta = math.log((3 + alpha) / (5 + a0 - 3 - alpha)) - math.log((0 + alpha) / (5 + a0 - 0 - alpha))
    z = delta / math.sqrt(1 / (3 + alpha) + 1 / (0 + alpha))
    apple = _row(dw, article=a.slug, term="apple")
    assert apple["log_odds"] == round(delta, 4) and apple["z"] == round(z, 3)
    assert dw[dw["article"] == a.slug]["term"].iloc[0] == "apple"
    assert (dw["z"] > 0).all()  # only words used more in the article than in the others
    assert fr.distinctive_words([a]).empty
    with pytest.raises(ValueError):
        fr.distinctive_words([a, b], prior="uniform")


def test_distinctive_words_wordfreq_prior_uses_the_shared_reference():
    a = article_from_text("Zorblat zorblat zorblat the.", path="a.txt")
    b = article_from_text("The the cat.", path="b.txt")
    dw = fr.distinctive_words([a, b], prior="wordfreq", prior_strength=10, min_count=1, top_n=10)
    vocab = ["cat", "the", "zorblat"]
    ref = reference_frequency(vocab)
    assert ref[2] == REFERENCE_FLOOR  # an invented word gets the package's one floor
    alpha = 10 * ref / ref.sum()
    yi, yj = 3.0, 0.0
    delta = math.log((yi + alpha[2]) / (4 + 10 - yi - alpha[2])) - math.log(
        (yj + alpha[2]) / (3 + 10 - yj - alpha[2])
    )
    assert _row(dw, article=a.slug, term="zorblat")["log_odds"] == round(delta, 4)
    assert set(dw["prior"]) == {"wordfreq"}


def test_distinctive_words_keep_acronyms_apart():
    a = article_from_text("The US sanctions. The US sanctions hit.", path="a.txt")
    b = article_from_text("Let us talk. Let us walk.", path="b.txt")
    dw = fr.distinctive_words([a, b], min_count=2, top_n=20)
    assert _row(dw, article=a.slug, term="US")[["count", "other_count"]].tolist() == [2, 0]
    assert _row(dw, article=b.slug, term="us")[["count", "other_count"]].tolist() == [2, 0]
    counts = fr.term_counts(a)
    assert counts["US"] == 2 and "us" not in counts.index


def test_profile_table_keeps_order_and_if_compared():
    df = pd.DataFrame(
        {
            "article": ["x", "x", "y", "y"],
            "frame": ["b", "a", "b", "a"],
            "per_1000_words": [1.0, 2.0, 3.0, 4.0],
        }
    )
    wide = fr.profile_table(df, "frame", "per_1000_words")
    assert wide.columns.tolist() == ["frame", "x", "y"]
    assert wide["frame"].tolist() == ["b", "a"] and wide["y"].tolist() == [3.0, 4.0]
    gap = fr.profile_table(df.iloc[:3], "frame", "per_1000_words")  # y has no "a": NaN
    assert math.isnan(gap["y"].iloc[1])
    one, two = article_from_text("One text.", path="one.txt"), article_from_text("Two texts.", path="two.txt")
    assert fr.if_compared(wide, Corpus.of([one, two]), "Profiles") is wide
    note = fr.if_compared(wide, one, "Profiles")
    assert isinstance(note, Note) and note.text.startswith("Profiles does not apply")
    assert fr.if_compared(wide, one) is None


# --------------------------------------------------------------------------- display helpers


def test_main_rows_shown_and_evidence_sample():
    df = pd.DataFrame(
        {
            "article": ["m", "m", "m", "o", "m"],
            "technique": ["t1", "t1", "t2", "t1", "t1"],
            "cue_type": ["cue", "computed", "cue", "cue", "cue"],
            "match": ["a", "b", "c", "d", "e"],
        }
    )
    assert fr.main_rows(df, "m", technique="t1")["match"].tolist() == ["a", "b", "e"]
    assert fr.shown(df, "m", n=2).columns.tolist() == ["technique", "cue_type", "match"]
    assert fr.shown(df, "m", n=2)["match"].tolist() == ["a", "b"]
    assert (
        isinstance(fr.shown(df, "nobody", note="none"), Note) and fr.shown(df, "nobody", note="x").text == "x"
    )
    sample = fr.evidence_sample(
        df, "m", by="technique", n=1, columns=["technique", "match"], exclude={"cue_type": "computed"}
    )
    assert sample.values.tolist() == [["t1", "a"], ["t2", "c"]]
    assert show(df.iloc[:0], "empty") == Note("empty")
    assert Note("x")._repr_markdown_() == "*x*"


def test_top_forms_counts_by_type_and_keeps_first_written_form():
    got = fr.top_forms(["k"] * 5 + ["j"], ["Kiev", "KIEV", "Kiev’s", "kiev", "US", "us"], n=2)
    # "Kiev" and "kiev" are one type, shown as first written; "KIEV" (all capitals, kept like an
    # acronym) and "Kiev's" are types of their own; "US" and "us" too
    assert got == {"k": "Kiev (2), KIEV (1)", "j": "us (1)"}


def test_article_overview_counts(lex):
    doc = article_from_text("Title\n\nOne two three. Four five.\n\nSix.", path="t.txt")
    ov = fr.article_overview(doc)
    assert ov[["article", "role", "paragraphs", "sentences", "words"]].values.tolist() == [
        ["t", "main", 2, 3, 6]
    ]


# --------------------------------------------------------------------------- bundled article


def test_bundled_article_naming_by_hand(rt, lex):
    tab = fr.naming_table(rt, lex).set_index("set")
    assert (tab.loc["kyiv", "side_b_count"], tab.loc["kyiv", "side_a_count"]) == (4, 0)  # Kiev, Kiev's
    assert tab.loc["kyiv", "index"] == -1.0
    assert tab.loc["donbas", "side_b_count"] == 6 and tab.loc["donbas", "side_a_count"] == 0
    assert tab.loc["luhansk", "side_b_count"] == 1  # Lugansk People's Republics
    assert tab.loc["maidan", "side_b_count"] == 1  # "Western-supported Maidan Coup"
    assert tab.loc["territories", "side_b_count"] == 3  # People's Republics, DPR, LPR
    op = tab.loc["operation"]
    # Zelensky's quote; "As Russian officials never tire of repeating, ... the military
    # operation ..." reports the officials' word (issue 17: indirect speech is the speaker's)
    assert (op["side_b_author"], op["side_b_quoted"], op["side_a_quoted"], op["side_a_author"]) == (
        2,
        1,
        1,
        0,
    )
    hits = fr.naming_hits(rt, lex)
    assert "special military operation" in hits["match"].str.lower().tolist()
    assert "Kiev’s" in " ".join(hits.loc[hits["set"] == "kyiv", "sentence"])
    # by hand: side A only "aggression by Russia" (Zelensky's quote); side B Kiev x4, Donbass
    # x6, Lugansk, military operation x3, Maidan coup, People's Republics/DPR/LPR. Neutral
    # names ("Ukrainian government", "Ukrainian troops") are no side any more (issue 17).
    assert fr.naming_index(fr.naming_table(rt, lex)) == pytest.approx((1 - 4 - 6 - 1 - 3 - 1 - 3) / 19)


def test_bundled_article_frames_and_cues(rt, lex):
    scores = fr.frame_scores(rt, lex)
    assert scores[scores["dominant"]]["frame"].tolist() == ["security and defense"]
    top3 = scores.sort_values("hits", ascending=False)["frame"].head(3).tolist()
    assert "external regulation and reputation" in top3
    assert _row(scores, frame="legality, constitutionality and jurisprudence")["present"]
    counts = fr.persuasion_counts(rt, lex).set_index("technique")["count"]
    assert counts["appeal to authority"] >= 1  # "even the EU's High Representative ... said"
    assert counts["conversation killer"] >= 1  # "for obvious reasons"
    chk = fr.sv_checklist(rt, lex)
    assert _row(chk, number=5)["answer"] == "yes"  # "it must be dealt with now"


def test_results_summary_records_carry_article(rt, lex):
    corpus = Corpus.of([rt, article_from_text(MILITARY_TEXT, path="other.txt")])
    scores = fr.frame_scores(corpus, lex, "all")
    naming = fr.naming_table(corpus, lex)
    summary = fr.results_summary(
        rt,
        scores=scores,
        naming=naming,
        naming_overall=fr.naming_overall(corpus, lex),
        persuasion=fr.persuasion_counts(corpus, lex),
        entman=fr.entman_functions(corpus, lex),
        checklist=fr.sv_checklist(corpus, lex),
        min_cues=3,
    )
    assert summary["article"] == rt.slug and summary["articles"] == [rt.slug, "other"]
    for key in ("frames", "naming", "persuasion_cues", "entman"):
        assert set(summary[key]["article"]) == {rt.slug, "other"}
    own = _row(fr.naming_overall(rt, lex), article=rt.slug)
    assert summary["naming_index"] == own["index_author"] == summary["naming_index_author"]
    assert summary["naming_index_all"] == own["index"]
    assert {"side_a_distanced", "side_b_distanced", "index_distanced"} <= set(summary["naming"].columns)
    assert set(summary["frames"]["scheme"]) == {"policy", "generic"}
    table = fr.headline_table(summary).set_index("measure")["value"]
    assert table["dominant policy frame(s)"] == "security and defense"
    n_present = scores[(scores["article"] == rt.slug)].groupby("scheme")["present"].sum()
    assert table["frames present (policy / generic)"] == f"{n_present['policy']} / {n_present['generic']}"
    headline = "naming index, author's own usage (−1 Russian official … +1 Ukrainian/international)"
    assert table[headline] == f"{summary['naming_index']:+.2f}"
    assert table["naming index, all voices"] == f"{summary['naming_index_all']:+.2f}"


# --------------------------------------------------------------------------- memo and inputs


def test_results_are_fresh_tables_and_hits_are_kept_with_the_document(lex, rt):
    first = fr.frame_hits(rt, lex)
    first["match"] = "changed"
    again = fr.frame_hits(rt, lex)
    assert len(again) and (again["match"] != "changed").all()
    keys = {k for k in rt.__dict__["_memo"] if isinstance(k, tuple)}
    assert ("framing.frame_hits", lex.policy.fingerprint, "policy") in keys
    # A new document object with the same text gives the same tables.
    twin = load_article(DEFAULT_ARTICLE)
    pd.testing.assert_frame_equal(fr.frame_scores(twin, lex), fr.frame_scores(rt, lex))
    pd.testing.assert_frame_equal(fr.naming_hits(twin, lex), fr.naming_hits(rt, lex))


def test_every_kind_of_input_gives_one_table_with_article(lex, tmp_path):
    path = tmp_path / "econ.txt"
    path.write_text("Budget\n\n" + ECONOMIC_TEXT, encoding="utf-8")
    from_path = fr.frame_scores(str(path), lex)
    from_doc = fr.frame_scores(load_article(path), lex)
    pd.testing.assert_frame_equal(from_path, from_doc)
    two = fr.frame_scores([load_article(path), MILITARY], lex)
    assert list(dict.fromkeys(two["article"])) == ["econ", "mil"]
    assert len(fr.frame_hits(two_docs := Corpus.of([load_article(path), MILITARY]), lex)) == two["hits"].sum()
    assert set(fr.frame_hits(two_docs, lex)["article"]) == {"econ", "mil"}


def test_overlapping_repeated_phrases_count_once_as_repetition(lex):
    text = " ".join(["Grain exports stopped."] * 3 + ["Exports stopped suddenly."] * 3)
    phrases = fr.repeated_phrases(text, min_count=3)
    assert phrases[["phrase", "count"]].values.tolist() == [
        ["exports stopped", 6],  # inside both longer phrases, but used more often than either
        ["grain exports stopped", 3],
        ["exports stopped suddenly", 3],
    ]
    rep = fr.persuasion_cues(text, lex, repetition_min=3).query("technique == 'repetition'")
    # in each sentence the first (then longest) use wins; "exports stopped" is never a span of its own
    assert rep["match"].tolist() == ["Grain exports stopped"] * 3 + ["Exports stopped suddenly"] * 3

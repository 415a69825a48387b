"""Tests for research_utils.framing: lexicons, frame scores, naming, persuasion, Entman, contrast."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import pytest

from research_utils import article_from_text, load_article
from research_utils import framing as fr
from research_utils.lexicons import LexiconError
from research_utils.paths import DEFAULT_ARTICLE

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


@pytest.fixture(scope="module")
def lex() -> fr.FramingLexicons:
    return fr.load_lexicons()


@pytest.fixture(scope="module")
def rt():
    return load_article(DEFAULT_ARTICLE)


def _row(df: pd.DataFrame, **kw) -> pd.Series:
    mask = np.ones(len(df), dtype=bool)
    for k, v in kw.items():
        mask &= df[k] == v
    rows = df[mask]
    assert len(rows) == 1, kw
    return rows.iloc[0]


# --------------------------------------------------------------------------- lexicons


def test_bundled_lexicons_follow_the_codebooks(lex):
    assert [e["frame"] for e in lex.policy.entries] == POLICY_FRAMES
    assert [e["frame"] for e in lex.generic.entries] == GENERIC_FRAMES
    for entry in [*lex.policy.entries, *lex.generic.entries]:
        assert entry["definition"].strip()
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
    for lexicon in lex.all().values():
        assert lexicon.meta["sources"]
    for entry in lex.naming.entries:
        assert entry["source"].strip() and entry["side_a"] and entry["side_b"]


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_user_frame_lexicon_missing_field_names_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        "frames.yaml",
        """
        meta:
          name: My frames
          description: test
          method: test
          sources: [me]
        entries:
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


def test_user_lexicon_extends_bundled_frames(tmp_path):
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
    lexicon = fr.load_frames("policy", str(path))
    assert [e["frame"] for e in lexicon.entries] == [*POLICY_FRAMES, "sport"]
    scores = fr.frame_scores("The football match was cancelled. Matches resume soon.", lexicon)
    assert _row(scores, frame="sport")["hits"] == 3


# --------------------------------------------------------------------------- frame scores


def test_economic_text_is_dominated_by_the_economic_frame(lex):
    scores = fr.frame_scores(ECONOMIC_TEXT, lex.policy, "policy")
    dominant = scores[scores["dominant"]]["frame"].tolist()
    assert dominant == ["economic"]
    assert _row(scores, frame="economic")["hits"] > 2 * scores[scores["frame"] != "economic"]["hits"].max()
    generic = fr.frame_scores(ECONOMIC_TEXT, lex.generic, "generic")
    assert generic[generic["dominant"]]["frame"].tolist() == ["economic consequences"]


def test_military_text_is_dominated_by_security_and_defense(lex):
    scores = fr.frame_scores(MILITARY_TEXT, lex.policy, "policy")
    assert scores[scores["dominant"]]["frame"].tolist() == ["security and defense"]
    assert _row(scores, frame="economic")["hits"] == 0


def test_adding_one_frames_cue_raises_that_frame_only(lex):
    before = fr.frame_scores("The committee discussed the weather on Monday.", lex.policy)
    after = fr.frame_scores("The committee discussed the budget on Monday.", lex.policy)
    diff = after.set_index("frame")["hits"] - before.set_index("frame")["hits"]
    assert diff["economic"] == 1
    assert (diff.drop("economic") == 0).all()
    rates = after.set_index("frame")["per_1000_words"] - before.set_index("frame")["per_1000_words"]
    assert (rates.drop("economic") == 0).all()  # same length, so other rates are unchanged


def test_rates_shares_and_presence_by_hand(lex):
    # 2 sentences, 10 words; economic cues: budget, taxes (2 hits, 1 sentence)
    text = "The budget raised taxes. Nobody came to the party."
    scores = fr.frame_scores(text, lex.policy, min_cues=3)
    econ = _row(scores, frame="economic")
    assert econ["hits"] == 2
    assert econ["per_1000_words"] == pytest.approx(1000 * 2 / 9, abs=0.005)  # rounded to 2 places
    assert econ["sentence_share"] == pytest.approx(0.5)
    assert not econ["present"] and not scores["dominant"].any()
    econ2 = _row(fr.frame_scores(text, lex.policy, min_cues=2), frame="economic")
    assert econ2["present"] and econ2["dominant"]
    with pytest.raises(ValueError):
        fr.frame_scores(text, lex.policy, min_cues=0)


def test_frame_hits_carry_evidence_and_voice(lex):
    art = article_from_text("The minister said: “Taxes must rise.” The budget is late.")
    hits = fr.frame_hits(art, lex.policy)
    econ = hits[hits["frame"] == "economic"]
    assert econ[["match", "voice"]].values.tolist() == [["Taxes", "quoted"], ["budget", "author"]]
    assert set(hits.columns) >= {"article", "sentence_id", "paragraph_id", "sentence", "match", "voice"}
    scores = fr.frame_scores(art, lex.policy)
    assert _row(scores, frame="economic")[["author_hits", "quoted_hits"]].tolist() == [1, 1]


def test_trajectory_and_cooccurrence(lex):
    art = article_from_text(
        "Headline\n\nThe army attacked. Prices rose.\n\nNothing happened here.\n\n"
        "Soldiers paid taxes on the base."
    )
    traj = fr.frame_trajectory(art, lex.policy)
    assert len(traj) == 3 * len(POLICY_FRAMES)  # zeros included
    sec = traj[traj["frame"] == "security and defense"].set_index("paragraph_id")["hits"]
    assert sec.tolist() == [2, 0, 1]  # army, attacked | - | Soldiers
    co = fr.frame_cooccurrence(art, lex.policy)
    pair = co[(co["frame_a"] == "economic") & (co["frame_b"] == "security and defense")]
    assert pair["sentences"].tolist() == [1]  # only the last sentence holds both
    assert pair["example_sentence_id"].tolist() == [3]


# --------------------------------------------------------------------------- checklist


def test_checklist_answers_with_evidence(lex):
    text = "The opposition accused the minister of lying. Both sides rejected the plan."
    chk = fr.sv_checklist(text, lex.checklist)
    assert len(chk) == 20
    reproach = _row(chk, number=12)
    assert reproach["answer"] == "yes" and reproach["sentence_id"] == 0 and "accused" in reproach["match"]
    assert _row(chk, number=13)["answer"] == "yes"
    assert _row(chk, number=16)["answer"] == "no"
    human = chk[chk["method"] == "human coder"]
    assert set(human["answer"]) == {"needs human coding"}
    assert {6, 9, 10, 15, 17} <= set(human["number"])
    scores = fr.sv_frame_scores(text, lex.checklist)
    conflict = _row(scores, frame="conflict")
    assert conflict["automatic_items"] == 4 and conflict["yes"] >= 3


def test_two_part_checklist_rule_needs_both_cues(lex):
    one = fr.sv_checklist("The government met on Monday.", lex.checklist)
    both = fr.sv_checklist("The government is responsible for the failure.", lex.checklist)
    assert _row(one, number=2)["answer"] == "no"
    assert _row(both, number=2)["answer"] == "yes"


# --------------------------------------------------------------------------- naming


def test_kiev_to_kyiv_moves_the_index_toward_side_a(lex):
    text = "Officials in Kiev met. Kiev and Moscow talked. Kyiv said no."
    before = _row(fr.naming_table(text, lex.naming), set="kyiv")
    after = _row(fr.naming_table(text.replace("Kiev and", "Kyiv and"), lex.naming), set="kyiv")
    assert before["index"] == pytest.approx((1 - 2) / 3, abs=1e-3)
    assert after["index"] == pytest.approx((2 - 1) / 3, abs=1e-3)
    assert after["index"] > before["index"]


def test_term_inside_quotes_counts_as_quoted_voice(lex):
    art = article_from_text(
        "He said: “The special military operation goes on.” Reporters wrote of an invasion."
    )
    row = _row(fr.naming_table(art, lex.naming), set="operation")
    assert (row["side_b_quoted"], row["side_b_author"]) == (1, 0)
    assert (row["side_a_author"], row["side_a_quoted"]) == (1, 0)
    assert row["index"] == 0.0
    assert math.isnan(row["index_author"]) is False and row["index_author"] == 1.0


def test_naming_word_boundaries_and_overlaps(lex):
    text = (
        "Kiev's mayor met pro-Kiev activists from a Kiev-based group. The Kievan Rus was old. "
        "The Donbass is not the Donbas. This was the Maidan coup. The Cold War ended long ago."
    )
    hits = fr.naming_hits(text, lex.naming)
    kyiv = hits[hits["set"] == "kyiv"]
    assert kyiv["match"].tolist() == ["Kiev", "Kiev", "Kiev"]  # not Kievan
    don = hits[hits["set"] == "donbas"]
    assert list(zip(don["match"], don["side"], strict=True)) == [("Donbass", "B"), ("Donbas", "A")]
    maidan = hits[hits["set"] == "maidan"]
    assert maidan["match"].tolist() == ["Maidan coup"]  # one match, not also "coup"
    assert hits[hits["set"] == "operation"].empty  # "Cold War" is excluded


def test_naming_index_is_nan_without_terms_and_pooled_overall(lex):
    tab = fr.naming_table("Nothing about places here.", lex.naming)
    assert tab["index"].isna().all()
    assert math.isnan(fr.naming_index(tab))
    text = "Kyiv and Kyiv and Kyiv. Donbass and Donbass. Odesa."
    tab = fr.naming_table(text, lex.naming)
    # pooled: A = 3 + 1 = 4, B = 2 -> (4 - 2) / 6
    assert fr.naming_index(tab) == pytest.approx(2 / 6)
    overall = fr.naming_overall(text, lex.naming).iloc[0]
    assert overall["sets_used"] == 3
    assert overall["mean_set_index"] == pytest.approx((1 + -1 + 1) / 3, abs=1e-3)
    with pytest.raises(ValueError):
        fr.naming_index(tab, voice="nobody")


# --------------------------------------------------------------------------- persuasion, Entman


def test_persuasion_candidates_and_counts(lex):
    text = (
        "Even the Pope himself said the plan was brutal. The security guarantees matter. "
        "Security guarantees were offered. Nobody trusts the security guarantees."
    )
    cands = fr.persuasion_cues(text, lex.persuasion, repetition_min=3)
    auth = cands[cands["technique"] == "appeal to authority"]
    assert auth["cue_type"].tolist() == ["pattern"] and auth["match"].iloc[0].startswith("Even the Pope")
    rep = cands[cands["technique"] == "repetition"]
    assert rep["match"].str.lower().tolist() == ["security guarantees"] * 3
    assert set(rep["cue_type"]) == {"computed"}
    counts = fr.persuasion_counts(text, lex.persuasion, repetition_min=3)
    assert len(counts) == 23
    assert _row(counts, technique="repetition")["count"] == 3
    assert _row(counts, technique="loaded language")["count"] == 1
    assert _row(counts, technique="red herring")["needs_human_coding"]
    phrases = fr.repeated_phrases(text, min_count=3)
    assert phrases["phrase"].tolist() == ["security guarantees"]


def test_entman_functions_flag_sentences(lex):
    text = "The crisis deepened. Prices rose because of the war. The plan was wrong. Leaders should act."
    flags = fr.entman_functions(text, lex.entman)
    got = {(f, s) for f, s in zip(flags["function"], flags["sentence_id"], strict=True)}
    assert ("problem definition", 0) in got
    assert ("causal interpretation", 1) in got
    assert ("moral evaluation", 2) in got
    assert ("treatment recommendation", 3) in got
    summary = fr.entman_summary(text, lex.entman)
    assert summary["sentences"].tolist() == [1, 1, 1, 1]


# --------------------------------------------------------------------------- contrast


def test_distinctive_words_match_the_formula():
    a = article_from_text("Apple apple apple banana cherry.", path="a.txt")
    b = article_from_text("Banana banana cherry cherry date.", path="b.txt")
    dw = fr.distinctive_words([a, b], prior="pooled", prior_strength=10, min_count=1, top_n=10)
    # hand computation for "apple" in a: y_i = 3, y_j = 0, pooled share 3/10 -> alpha = 3
    alpha, a0 = 3.0, 10.0
    delta = math.log((3 + alpha) / (5 + a0 - 3 - alpha)) - math.log((0 + alpha) / (5 + a0 - 0 - alpha))
    z = delta / math.sqrt(1 / (3 + alpha) + 1 / (0 + alpha))
    apple = _row(dw, article=a.slug, word="apple")
    assert apple["log_odds"] == pytest.approx(delta, abs=1e-3)
    assert apple["z"] == pytest.approx(z, abs=0.01)
    assert dw[dw["article"] == a.slug]["word"].iloc[0] == "apple"
    assert dw[dw["article"] == b.slug]["word"].iloc[0] in ("banana", "cherry", "date")
    assert fr.distinctive_words([a]).empty
    with pytest.raises(ValueError):
        fr.distinctive_words([a, b], prior="uniform")
    wf = fr.distinctive_words([a, b], prior="wordfreq", min_count=1)
    assert set(wf["prior"]) == {"wordfreq"}


def test_profile_table_keeps_order():
    df = pd.DataFrame(
        {
            "article": ["x", "x", "y", "y"],
            "frame": ["b", "a", "b", "a"],
            "per_1000_words": [1.0, 2.0, 3.0, 4.0],
        }
    )
    wide = fr.profile_table(df, "frame", "per_1000_words")
    assert wide.columns.tolist() == ["frame", "x", "y"]
    assert wide["frame"].tolist() == ["b", "a"]
    assert wide["y"].tolist() == [3.0, 4.0]


# --------------------------------------------------------------------------- bundled article


def test_bundled_article_naming_by_hand(rt, lex):
    tab = fr.naming_table(rt, lex.naming).set_index("set")
    assert (tab.loc["kyiv", "side_b_count"], tab.loc["kyiv", "side_a_count"]) == (4, 0)  # Kiev, Kiev's
    assert tab.loc["kyiv", "index"] == -1.0
    assert tab.loc["donbas", "side_b_count"] == 6 and tab.loc["donbas", "side_a_count"] == 0
    assert tab.loc["luhansk", "side_b_count"] == 1  # Lugansk People's Republics
    assert tab.loc["maidan", "side_b_count"] == 1  # "Western-supported Maidan Coup"
    assert tab.loc["territories", "side_b_count"] == 3  # People's Republics, DPR, LPR
    op = tab.loc["operation"]
    assert (op["side_b_author"], op["side_a_quoted"], op["side_a_author"]) == (3, 1, 0)  # Zelensky quote
    hits = fr.naming_hits(rt, lex.naming)
    assert "special military operation" in hits["match"].str.lower().tolist()
    assert "Kiev’s" in " ".join(hits.loc[hits["set"] == "kyiv", "sentence"])
    assert fr.naming_index(fr.naming_table(rt, lex.naming)) < -0.5


def test_bundled_article_frames_and_cues(rt, lex):
    scores = fr.frame_scores(rt, lex.policy)
    assert scores[scores["dominant"]]["frame"].tolist() == ["security and defense"]
    top3 = scores.sort_values("hits", ascending=False)["frame"].head(3).tolist()
    assert "external regulation and reputation" in top3
    assert _row(scores, frame="legality, constitutionality and jurisprudence")["present"]
    counts = fr.persuasion_counts(rt, lex.persuasion).set_index("technique")["count"]
    assert counts["appeal to authority"] >= 1  # "even the EU's High Representative ... said"
    assert counts["conversation killer"] >= 1  # "for obvious reasons"
    chk = fr.sv_checklist(rt, lex.checklist)
    assert _row(chk, number=5)["answer"] == "yes"  # "it must be dealt with now"


def test_results_summary_records_carry_article(rt, lex):
    arts = [rt, article_from_text(MILITARY_TEXT, path="other.txt")]
    scores = pd.concat([fr.frame_scores(arts, lex.policy), fr.frame_scores(arts, lex.generic, "generic")])
    summary = fr.results_summary(
        rt.slug,
        scores=scores,
        naming=fr.naming_table(arts, lex.naming),
        naming_overall=fr.naming_overall(arts, lex.naming),
        persuasion=fr.persuasion_counts(arts, lex.persuasion),
        entman=fr.entman_functions(arts, lex.entman),
        checklist=fr.sv_checklist(arts, lex.checklist),
        min_cues=3,
    )
    for key in ("frames", "naming", "persuasion_cues", "entman"):
        assert set(summary[key]["article"]) == {rt.slug, "other"}
    assert summary["naming_index"] < 0
    assert set(summary["frames"]["scheme"]) == {"policy", "generic"}
    table = fr.headline_table(summary)
    assert "security and defense" in table["value"].tolist()


def test_results_are_fresh_tables_although_matches_are_cached(lex, rt):
    """Matches are found once per article and lexicon; every call still returns a new table."""
    first = fr.frame_hits(rt, lex.policy, "policy")
    first["match"] = "changed"
    again = fr.frame_hits(rt, lex.policy, "policy")
    assert len(again) and (again["match"] != "changed").all()
    ev1 = fr.sv_checklist_evidence(rt, lex.checklist)
    ev2 = fr.sv_checklist_evidence(rt, lex.checklist)
    pd.testing.assert_frame_equal(ev1, ev2)
    assert set(ev2.columns) >= {"article", "number", "sentence_id"} and (ev2["article"] == rt.slug).all()
    # A new Article object with the same text gives the same tables.
    twin = load_article(DEFAULT_ARTICLE)
    pd.testing.assert_frame_equal(fr.frame_scores(twin, lex.policy), fr.frame_scores(rt, lex.policy))

"""Stance comparison: lexicons, attribution, voice, per-actor measures and claims.

Small texts written for the tests carry hand-checked expectations and minimal pairs (one
change, one expected difference); the bundled article carries hand-checked expectations
on its quotes and claims. The tables the notebook builds from these are tested in
``test_stance_tables.py``, the notebook itself in ``test_stance_notebook.py``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from research_utils import article_from_text, load_article
from research_utils.analyses import stance as st
from research_utils.lexicons import LexiconError
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.plots import stance as stance_plots
from research_utils.sentiment import score_texts

KYIV_DAILY = """Kyiv rejects neutrality demands as talks stall

Ukraine rejected Moscow's demand for neutrality on Tuesday. "We will never give up our path to NATO," Zelenskyy said. "Our people decided this."

The Kremlin claimed that Kyiv was stalling the talks. Russian Foreign Minister Sergey Lavrov alleged that Ukraine wanted to provoke the West.

According to Dmytro Kuleba, Ukraine seeks security guarantees from the United States and NATO. Washington said it would support Kyiv.
"""

MOSCOW_HERALD = """Moscow says Kiev must accept neutral status

Russia insisted that Kiev must accept a neutral status. Kremlin spokesman Dmitry Peskov noted that Ukraine had agreed to discuss neutrality. “Ukraine must be demilitarized,” Peskov said.

Zelensky claimed that Ukraine would not give up Crimea. The EU backed Kiev's bid to join the European Union.
"""


def art(text: str):
    return article_from_text(text)


def one(df: pd.DataFrame, **where: object) -> pd.Series:
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"expected one row for {where}, got {len(sel)}:\n{sel}"
    return sel.iloc[0]


def claim(text: str, actor: str, issue: str) -> pd.Series:
    return one(st.claims(art(text)), actor=actor, issue=issue)


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


@pytest.fixture(scope="module")
def bundled_attr(bundled) -> pd.DataFrame:
    return st.attributions(bundled)


# ------------------------------------------------------------------ lexicons


def test_bundled_lexicons_have_sources_and_the_six_actors() -> None:
    lex = st.load_stance_lexicons()
    sources = st.lexicon_table(lex)
    assert len(sources) == 6 and all(s.strip() for s in sources["sources"])
    assert set(st.actor_table(lex)["actor"]) == {"russia", "ukraine", "eu", "us", "nato", "west"}
    issues = set(st.issue_table(lex)["issue"])
    assert {
        "nato_membership",
        "neutrality",
        "security_guarantees",
        "crimea",
        "donbas",
        "demilitarisation",
        "eu_accession",
        "referendum",
    } <= issues
    assert all(st.issue_table(lex)["positive"].str.len() > 0)
    assert set(st.verb_table(lex)["verb_class"]) >= {"neutral", "endorsing", "distancing", "tentative"}


@pytest.mark.parametrize(
    ("term", "actor", "form"),
    [
        ("Moscow", "russia", "name"),
        ("the Kremlin", "russia", "name"),
        ("Putin", "russia", "person"),
        ("Lavrov", "russia", "person"),
        ("Peskov", "russia", "person"),
        ("Russian", "russia", "adjective"),
        ("Kiev", "ukraine", "name"),
        ("Kyiv", "ukraine", "name"),
        ("Zelensky", "ukraine", "person"),
        ("Zelenskyy", "ukraine", "person"),
        ("Zelesky", "ukraine", "person"),
        ("Stefanchuk", "ukraine", "person"),
        ("Arakhamia", "ukraine", "person"),
        ("Kuleba", "ukraine", "person"),
        ("Podolyak", "ukraine", "person"),
        ("the Verkhovna Rada", "ukraine", "name"),
        ("Ukrainian", "ukraine", "adjective"),
        ("Borrell", "eu", "person"),
        ("Brussels", "eu", "name"),
        ("von der Leyen", "eu", "person"),
        ("the European Union", "eu", "name"),
        ("the EU", "eu", "name"),
        ("Washington", "us", "name"),
        ("Biden", "us", "person"),
        ("Blinken", "us", "person"),
        ("the White House", "us", "name"),
        ("the Pentagon", "us", "name"),
        ("the US", "us", "name"),
        ("American", "us", "adjective"),
        ("NATO", "nato", "name"),
        ("Stoltenberg", "nato", "person"),
        ("the North Atlantic Alliance", "nato", "name"),
        ("the West", "west", "name"),
        ("Western countries", "west", "name"),
    ],
)
def test_actor_aliases(term: str, actor: str, form: str) -> None:
    m = st.actor_mentions(art(f"Yesterday {term} spoke about the weather."))
    assert list(m["actor"]) == [actor] and list(m["form"]) == [form]


def test_ambiguous_terms_are_not_actors() -> None:
    text = (
        "Let us talk about the Russia-Ukraine talks west of the river. The Washington Post and "
        "the Kyiv Independent reported it. Most of us agree."
    )
    assert st.actor_mentions(art(text)).empty


def test_possessive_and_longest_match() -> None:
    m = st.actor_mentions(art("Russia’s Foreign Minister Sergey Lavrov met the Ukrainian Parliament."))
    assert list(m["match"]) == ["Russia", "Sergey Lavrov", "Ukrainian Parliament"]
    assert list(m["actor"]) == ["russia", "russia", "ukraine"]


def test_adjectives_can_be_left_out() -> None:
    a = art("Russian troops left. Ukraine stayed.")
    assert list(st.actor_mentions(a)["actor"]) == ["russia", "ukraine"]
    no_adj = st.load_stance_lexicons(include_adjectives=False)
    assert list(st.actor_mentions(a, no_adj)["actor"]) == ["ukraine"]


def test_user_lexicon_extends_the_bundled_one(tmp_path: Path) -> None:
    user = tmp_path / "actors.yaml"
    user.write_text(
        "meta:\n  name: More actors\n  description: Turkey as mediator\n  method: by hand\n"
        "  sources: [test]\n  mode: extend\nentries:\n"
        "  - id: turkey\n    label: Turkey\n    terms: [Turkey, Ankara]\n    people: [Erdogan]\n",
        encoding="utf-8",
    )
    lex = st.load_stance_lexicons(actors=str(user))
    m = st.actor_mentions(art("Erdogan hosted Russia and Ukraine in Ankara."), lex)
    assert list(m["actor"]) == ["turkey", "russia", "ukraine", "turkey"]


@pytest.mark.parametrize(
    ("name", "content", "line", "needle"),
    [
        ("actors", "meta:\n  name: A\n  sources: [a, b\nentries: []\n", 4, "YAML"),
        (
            "actors",
            "meta:\n  name: A\n  description: d\n  method: m\n  sources: [s]\nentries:\n"
            "  - id: x\n    label: X\n    terms: [X]\n  - id: y\n    label: Y\n",
            10,
            "lacks 'terms'",
        ),
        (
            "reporting_verbs",
            "meta:\n  name: V\n  description: d\n  method: m\n  sources: [s]\nentries:\n"
            "  - id: say\n    verb_class: neutral\n    forms: [said]\n"
            "  - id: yell\n    verb_class: loud\n    forms: [yelled]\n",
            10,
            "verb_class 'loud'",
        ),
        (
            "position_cues",
            "meta:\n  name: P\n  description: d\n  method: m\n  sources: [s]\nentries:\n"
            "  - id: p\n    kind: maybe\n    terms: [perhaps]\n",
            7,
            "kind 'maybe'",
        ),
        (
            "actors",
            "meta:\n  name: A\n  description: d\n  method: m\n  sources: [s]\nentries:\n"
            "  - id: x\n    label: X\n    terms: []\n",
            7,
            "lists no terms",
        ),
    ],
    ids=["yaml-syntax", "missing-field", "unknown-verb-class", "unknown-cue-kind", "no-terms"],
)
def test_malformed_user_lexicon_names_file_and_line(
    tmp_path: Path, name: str, content: str, line: int, needle: str
) -> None:
    path = tmp_path / f"my_{name}.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        st.load_stance_lexicons(**{name: str(path)})
    msg = str(err.value)
    assert str(path) in msg and f"line {line}" in msg and needle in msg


# ------------------------------------------------------------------ attribution


@pytest.mark.parametrize(
    ("text", "speaker", "actor", "verb", "quote"),
    [
        ('"We are ready to talk," said Lavrov.', "Lavrov", "russia", "say", "We are ready to talk,"),
        ("“We are ready to talk,” Peskov said.", "Peskov", "russia", "say", "We are ready to talk,"),
        ("Zelensky said: “We are ready to talk.”", "Zelensky", "ukraine", "say", "We are ready to talk."),
        (
            "“We are ready to talk,” said Russia’s Foreign Minister Sergey Lavrov in Moscow.",
            "Russia’s Foreign Minister Sergey Lavrov",
            "russia",
            "say",
            "We are ready to talk,",
        ),
        ("“The talks failed,” the analyst said.", "the analyst", st.UNRESOLVED, "say", "The talks failed,"),
        ("“The talks failed,” Kuleba told the BBC.", "Kuleba", "ukraine", "tell", "The talks failed,"),
    ],
    ids=[
        "straight-VS",
        "curly-SV",
        "colon",
        "title-speaker",
        "unresolved",
        "told-hearer",
    ],
)
def test_direct_quote_patterns(text: str, speaker: str, actor: str, verb: str, quote: str) -> None:
    row = one(st.attributions(art(text)), kind="direct")
    assert (row["speaker"], row["actor"], row["reporting_verb"], row["quote"]) == (
        speaker,
        actor,
        verb,
        quote,
    )


def test_quote_interrupted_by_its_attribution() -> None:
    a = art("“We will never give up,” Zelenskyy said. “Our people decided this.” Then he left.")
    attr = st.attributions(a)
    assert list(attr["actor"]) == ["ukraine", "ukraine"]
    assert list(attr["sentence_id"]) == [0, 1]
    assert "continues" in attr["note"].iloc[1]
    assert st.voice_share(attr).iloc[0][["quotes", "quoted_words"]].tolist() == [2, 9]


def test_quote_continuing_into_the_next_paragraph() -> None:
    a = art(
        "Talks\n\n“We will not give up,” Lavrov said. “We will keep going\n\n“And we will win in the end.”"
    )
    attr = st.attributions(a)
    assert list(attr["actor"]) == ["russia", "russia", "russia"]
    assert list(attr["paragraph_id"]) == [0, 0, 1]


def test_count_table() -> None:
    a = art("Russia and Ukraine met. “Russia lies,” Kuleba said. Russian troops stayed.")
    counts = st.count_table(st.actor_mentions(a), ["article", "label"], ["form", "voice"]).set_index("label")
    assert counts.loc["Russia"].drop("article").to_dict() == {
        "adjective | author": 1,
        "name | author": 1,
        "name | quoted": 1,
        "person | author": 0,
    }
    assert counts.loc["Ukraine", "person | author"] == 1
    assert list(st.count_table(st.actor_mentions(art("Nothing here.")), ["article"], ["voice"]).columns) == [
        "article"
    ]


def test_quote_spanning_sentences() -> None:
    a = art("“Security guarantees matter. They must be legally binding,” Zelensky believes.")
    row = one(st.attributions(a), kind="direct")
    assert row["sentence_ids"] == (0, 1) and row["sentence_id"] == 1
    assert (row["reporting_verb"], row["verb_class"], row["actor"]) == ("believe", "tentative", "ukraine")


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "quote"),
    [
        (
            "Zelensky stated that his country would accept neutrality.",
            "Zelensky",
            "state",
            "his country would accept neutrality.",
        ),
        (
            "According to Dmytro Kuleba, the talks were useful.",
            "Dmytro Kuleba",
            "according to",
            "the talks were useful.",
        ),
        ("Kiev insists on guarantees from its partners.", "Kiev", "insist", "guarantees from its partners."),
        (
            "Ukraine said it would abandon its NATO ambitions.",
            "Ukraine",
            "say",
            "it would abandon its NATO ambitions.",
        ),
        ("Lavrov told reporters that the talks were useful.", "Lavrov", "tell", "the talks were useful."),
        (  # a partial quotation inside a reported clause is part of it (tests/gold/README.md, rule 4)
            "The EU’s top diplomat, Josep Borrell, said that the war “will be won on the battlefield.”",
            "The EU’s top diplomat, Josep Borrell",
            "say",
            "the war “will be won on the battlefield.”",
        ),
        (
            "As Russian officials keep repeating, the aim is neutrality.",
            "Russian officials",
            "repeat",
            "the aim is neutrality.",
        ),
    ],
    ids=[
        "said-that",
        "according-to",
        "insists-on",
        "zero-that",
        "object-that",
        "said-that-partial",
        "as-clause",
    ],
)
def test_indirect_speech(text: str, speaker: str, verb: str, quote: str) -> None:
    row = one(st.attributions(art(text)), kind="indirect")
    assert (row["speaker"], row["reporting_verb"], row["quote"]) == (speaker, verb, quote)


@pytest.mark.parametrize(
    "text",
    [
        "It was said that the talks failed.",
        "The state that joins NATO is protected.",
        "The Declaration of State Sovereignty enshrined this principle.",
        "We can say with certainty that the process will work.",
        "The so-called “neutrality” plan was discussed.",
        "The plan was “a new chapter,” The Kremlin rejected the proposal.",
    ],
    ids=["passive", "noun", "capitalised-name", "author-we", "scare-quote", "new-clause-after-quote"],
)
def test_no_attribution(text: str) -> None:
    assert st.attributions(art(text)).empty


def test_pronoun_speaker_takes_the_previous_speaker() -> None:
    a = art("Talks in Istanbul\n\nLavrov said that the talks were useful.\n\n“We are ready,” he said.")
    row = one(st.attributions(a), kind="direct")
    assert row["speaker"] == "he" and row["actor"] == "russia" and row["speaker_name"] == "Lavrov"
    assert "pronoun resolved to Lavrov" in row["note"]


def test_said_claimed_minimal_pair_changes_only_the_verb_class() -> None:
    said = st.attributions(art("Ukraine said that Russia wants neutrality."))
    claimed = st.attributions(art("Ukraine claimed that Russia wants neutrality."))
    assert (said["verb_class"].iloc[0], claimed["verb_class"].iloc[0]) == ("neutral", "distancing")
    keep = ["kind", "speaker", "actor", "quote", "sentence_id"]
    pd.testing.assert_frame_equal(said[keep], claimed[keep])
    direct_said = st.attributions(art("“Talks failed,” Lavrov said."))
    direct_noted = st.attributions(art("“Talks failed,” Lavrov noted."))
    assert (direct_said["verb_class"].iloc[0], direct_noted["verb_class"].iloc[0]) == ("neutral", "endorsing")


# ------------------------------------------------------------------ voice


def test_moving_a_phrase_into_quotes_moves_it_to_the_quoted_voice() -> None:
    author = art("Ukraine must be demilitarized, Lavrov said.")
    quoted = art("“Ukraine must be demilitarized,” Lavrov said.")
    d_a, d_q = st.deontic_markers(author), st.deontic_markers(quoted)
    assert one(d_a, actor="ukraine")["voice"] == "author"
    assert one(d_q, actor="ukraine")["voice"] == "quoted"
    m_a, m_q = st.actor_mentions(author), st.actor_mentions(quoted)
    assert one(m_a, actor="ukraine")["voice"] == "author" and one(m_q, actor="ukraine")["voice"] == "quoted"
    for a, author_load, quoted_load in ((author, 1, 0), (quoted, 0, 1)):
        by_author = st.actor_profile(a, voice="author")
        by_quoted = st.actor_profile(a, voice="quoted")
        assert by_author.loc[by_author["actor"] == "ukraine", "deontic"].sum() == author_load
        assert by_quoted.loc[by_quoted["actor"] == "ukraine", "deontic"].sum() == quoted_load
    assert st.voice_overview(quoted).iloc[0]["quoted_words"] == 4
    assert st.voice_overview(author).iloc[0]["quoted_words"] == 0


def test_author_voice_sentiment_leaves_quotes_out() -> None:
    a = art("“This is a wonderful, excellent, happy day,” Russia said.")
    row = one(st.actor_sentences(a), actor="russia")
    assert row["author_text"] == "Russia said."
    assert row["author_compound"] == pytest.approx(score_texts(["Russia said."])["compound"][0])
    assert row["compound"] > 0.5 and math.isnan(row["quoted_compound"])  # Russia is named outside the quote


# ------------------------------------------------------------------ per-actor measures


def test_bootstrap_mean() -> None:
    assert st.bootstrap_mean([0.5]) == (0.5, 0.5, 0.5)
    assert all(math.isnan(x) for x in st.bootstrap_mean([]))
    vals = [-0.5, 0.0, 0.2, 0.9]
    mean, low, high = st.bootstrap_mean(vals, n_boot=500, seed=1)
    assert mean == pytest.approx(0.15)
    assert -0.5 <= low < mean < high <= 0.9
    assert st.bootstrap_mean(vals, n_boot=500, seed=1) == (mean, low, high)


def test_actor_sentiment_is_the_mean_of_its_sentences() -> None:
    sents = ["Russia is good and kind.", "Russia is bad and cruel.", "Ukraine waits."]
    a = art(" ".join(sents))
    s = st.actor_sentiment(a, voices=("all",))
    scores = score_texts(sents)["compound"]
    russia = one(s, actor="russia")
    assert russia["sentences"] == 2
    assert russia["sentiment_mean"] == pytest.approx((scores[0] + scores[1]) / 2)
    assert russia["share_negative"] == 0.5 and russia["share_positive"] == 0.5
    assert one(s, actor="ukraine")["sentiment_mean"] == pytest.approx(scores[2])


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Ukraine must now give up NATO membership.", ["ukraine"]),
        ("Ukraine also has to decide.", ["ukraine"]),
        ("NATO and Russia need to engage in dialogue.", ["nato", "russia"]),
        ("The West should provide guarantees.", ["west"]),
        ("Members of the Ukrainian delegation spoke about the need to sign.", []),
        ("Kiev insists on guarantees that should be similar to Article 5.", [""]),
        ("In case of aggression by Russia, the leaders of these countries should help.", [""]),
    ],
)
def test_deontic_subject(text: str, actors: list[str]) -> None:
    assert list(st.deontic_markers(art(text))["actor"]) == actors


def test_hedges_and_boosters_in_actor_sentences() -> None:
    a = art("Russia will probably accept. Clearly, Ukraine wants peace. NATO met.")
    e = st.epistemic_markers(a)
    assert set(zip(e["kind"], e["match"], strict=True)) == {("hedge", "probably"), ("booster", "Clearly")}
    p = st.actor_profile(a).set_index("actor")
    assert p.loc["russia", ["hedges", "boosters"]].tolist() == [1, 0]
    assert p.loc["ukraine", ["hedges", "boosters"]].tolist() == [0, 1]
    assert p.loc["nato", ["hedges", "boosters"]].tolist() == [0, 0]


# ------------------------------------------------------------------ claims


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Russia rejected neutrality.", -1),
        ("Russia accepted neutrality.", 1),
        ("Russia did not accept neutrality.", -1),
        ("Russia did not reject neutrality.", 1),
        ("Russia never renounced neutrality.", 1),
        ("Russia is willing to abandon neutrality.", -1),
        ("Russia is unwilling to abandon neutrality.", 1),
        ("Russia pledged to not join NATO.", -1),
    ],
)
def test_position_minimal_pairs(text: str, position: int) -> None:
    issue = "nato_membership" if "NATO" in text else "neutrality"
    row = claim(text, "russia", issue)
    # a pledge is a speech act: its speaker is the claimant; the other verbs make a subject's claim
    relation = "speaker" if "pledged" in text else "subject"
    assert (row["position"], row["role"], row["relation"]) == (position, "claim", relation)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Russia never renounced neutrality.", "never renounced"),
        ("Russia is unwilling to abandon neutrality.", "unwilling to abandon"),
        ("Russia pledged to not join NATO.", "pledged to not"),
        ("Russia accepted neutrality.", "accepted"),
    ],
)
def test_cue_column_shows_the_whole_cue_phrase(text: str, cue: str) -> None:
    issue = "nato_membership" if "NATO" in text else "neutrality"
    assert claim(text, "russia", issue)["cue"] == cue


def test_obligation_is_a_demand_not_the_actors_position() -> None:
    row = claim("Ukraine must give up NATO membership.", "ukraine", "nato_membership")
    assert (row["role"], row["relation"], row["cue_position"], row["modality"]) == (
        "mention",
        "addressee",
        -1,
        "obligation",
    )
    assert math.isnan(row["position"])  # a demand on an actor is not the actor's position
    c = st.claims(art("“Ukraine must be demilitarized,” Lavrov said."))
    assert one(c, actor="russia")[["role", "relation", "position"]].tolist() == ["claim", "speaker", 1]
    assert one(c, actor="ukraine")[["role", "relation"]].tolist() == ["mention", "addressee"]


def test_conditional_and_causative_and_nested_claims() -> None:
    c = st.claims(art("If Ukraine does not abandon its NATO ambitions, Russia will act."))
    assert set(c["role"]) == {"mention"} and set(c["modality"]) == {"conditional"}  # the condition's issue
    c = st.claims(art("Russia is ready to offer security guarantees if Kyiv renounces NATO membership."))
    assert one(c, actor="russia", issue="nato_membership")[["role", "position", "modality"]].tolist() == [
        "claim",
        -1,
        "conditional",
    ]  # a trailing condition is the terms the claimant sets
    assert one(c, actor="ukraine", issue="nato_membership")["role"] == "mention"
    c = st.claims(art("The Kremlin wants to force Ukraine to accept neutrality."))
    assert one(c, actor="russia")["position"] == 1
    assert one(c, actor="ukraine")[["role", "relation"]].tolist() == ["mention", "addressee"]
    c = st.claims(art("Ukraine rejected Moscow's demand for neutrality."))
    assert (one(c, actor="russia")["position"], one(c, actor="ukraine")["position"]) == (1, -1)
    c = st.claims(art("Peskov noted that Ukraine had agreed to neutrality."))
    assert one(c, actor="russia")[["role", "relation"]].tolist() == ["mention", "speaker"]
    assert one(c, actor="ukraine")[["role", "relation", "position"]].tolist() == ["claim", "subject", 1]


def test_actor_inside_an_issue_phrase_is_not_a_claimant() -> None:
    c = st.claims(art("Ukraine wants NATO membership."))
    assert list(c["actor"]) == ["ukraine"] and c["position"].iloc[0] == 1


def test_claims_matrix_counts() -> None:
    a = art("Russia rejected neutrality. Russia accepted neutrality. Russia discussed neutrality.")
    m = one(st.claims_matrix(st.claims(a)), actor="russia", issue="neutrality")
    assert m[["claims", "support", "oppose", "unclear"]].tolist() == [3, 1, 1, 1]
    assert m["net"] == 0 and m["sentence_ids"] == (0, 1, 2)


# ------------------------------------------------------------------ renaming through an alias


def _scores(text: str) -> dict[str, pd.DataFrame]:
    a = art(text)
    attr = st.attributions(a)
    return {
        "profile": st.actor_profile(a, n_boot=300).drop(columns=["article"]),
        "voice": st.voice_share(attr).drop(columns=["article", "speakers"]),
        "verbs": st.verb_class_table(attr).drop(columns=["article", "verbs"]),
        "matrix": st.claims_matrix(st.claims(a)).drop(columns=["article"]),
        "deontic": st.deontic_markers(a)[["sentence_id", "actor", "modal", "voice", "according_to"]],
    }


def test_renaming_an_actor_through_an_alias_changes_no_score() -> None:
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    renamed = text.replace("Kiev", "Kyiv").replace("Zelensky", "Zelenskyy")
    assert renamed != text
    before, after = _scores(text), _scores(renamed)
    for key in before:
        pd.testing.assert_frame_equal(before[key], after[key], obj=key)


# ------------------------------------------------------------------ bundled article, checked by hand


@pytest.mark.parametrize(
    ("speaker_part", "kind", "actor", "verb", "verb_class", "quote_start"),
    [
        ("Stefanchuk", "direct", "ukraine", "state", "neutral", "The thing is that integration with the EU"),
        (
            "Sergey Lavrov",
            "direct",
            "russia",
            "say",
            "neutral",
            "Ukraine must be demilitarized and denazified",
        ),
        ("Zelensky", "direct", "ukraine", "believe", "tentative", "An important part of these agreements"),
        (
            "Josep Borrell",
            "indirect",
            "eu",
            "say",
            "neutral",
            "the armed conflict “will be won on the battlefield.",
        ),
        ("Zelensky", "indirect", "ukraine", "state", "neutral", "his country would accept a nonnuclear"),
        (
            "David Arakhamia",
            "indirect",
            "ukraine",
            "according to",
            "neutral",
            "the country’s voters may well reject",
        ),
        (
            "Ruslan Stefanchuk",
            "indirect",
            "ukraine",
            "confirm",
            "endorsing",
            "Ukraine’s Constitution might be amended",
        ),
        (
            "Kiev",
            "indirect",
            "ukraine",
            "insist",
            "distancing",
            "guarantees that should be similar to Article 5",
        ),
        ("Zelesky", "indirect", "ukraine", "say", "neutral", "the West must provide security guarantees"),
        (
            "Russia’s Foreign Ministry",
            "indirect",
            "russia",
            "remind",
            "argumentative",
            "it’s determined to do",
        ),
    ],
)
def test_bundled_attributions(
    bundled_attr: pd.DataFrame,
    speaker_part: str,
    kind: str,
    actor: str,
    verb: str,
    verb_class: str,
    quote_start: str,
) -> None:
    rows = bundled_attr[
        bundled_attr["speaker"].str.contains(speaker_part, regex=False)
        & (bundled_attr["kind"] == kind)
        & bundled_attr["quote"].str.startswith(quote_start)
    ]
    assert len(rows) == 1, bundled_attr[["speaker", "kind", "quote"]]
    row = rows.iloc[0]
    assert (row["actor"], row["reporting_verb"], row["verb_class"]) == (actor, verb, verb_class)


def test_bundled_quote_details(bundled_attr: pd.DataFrame) -> None:
    zel = bundled_attr[
        (bundled_attr["kind"] == "direct") & (bundled_attr["reporting_verb"] == "believe")
    ].iloc[0]
    assert len(zel["sentence_ids"]) == 3 and zel["sentence"].endswith("Zelensky believes.")
    stef = bundled_attr[bundled_attr["speaker"] == "Stefanchuk"].iloc[0]
    assert stef["sentence_ids"] == (stef["sentence_id"] - 1, stef["sentence_id"])
    assert "Channel Ukraine 24" in stef["sentence"]
    assert (bundled_attr["actor"] != st.UNRESOLVED).all()  # no stray "State" or "We can say" speakers
    direct = bundled_attr[bundled_attr["kind"] == "direct"]
    assert len(direct) == 4 and (direct["actor"] == st.UNATTRIBUTED).sum() == 1  # the 1990 declaration
    voice = st.voice_share(bundled_attr)
    assert voice.iloc[0]["actor"] == "ukraine" and voice.iloc[0]["quotes"] == 2


def test_bundled_mentions_deontic_and_claims(bundled) -> None:
    m = st.actor_mentions(bundled)
    compound = m[m["sentence"].str.contains("long-running Russia-Ukraine negotiations")]
    assert compound.empty  # "Russia-Ukraine" is neither Russia nor Ukraine
    d = st.deontic_markers(bundled)
    give_up = one(
        d,
        actor="ukraine",
        sentence="Ukraine must now give up NATO membership and any future military alliances.",
    )
    assert give_up["voice"] == "author"
    west = one(d, actor="west")
    assert west["according_to"] == "ukraine" and "must provide security guarantees" in west["sentence"]
    c = st.claims(bundled)

    def pos(actor: str, issue: str, fragment: str) -> tuple[int, str]:
        rows = c[
            (c["actor"] == actor) & (c["issue"] == issue) & c["sentence"].str.contains(fragment, regex=False)
        ]
        assert len(rows) == 1, (actor, issue, fragment)
        row = rows.iloc[0]
        assert row["role"] == ("mention" if row["relation"] in ("addressee", "mentioned") else "claim")
        return (0 if row["role"] == "mention" else int(row["position"])), str(row["relation"])

    assert pos("ukraine", "neutrality", "Zelensky stated that") == (1, "speaker")
    assert pos("ukraine", "nato_membership", "willing to abandon its NATO ambitions") == (-1, "speaker")
    assert pos("russia", "demilitarisation", "must be demilitarized") == (1, "speaker")
    assert pos("ukraine", "demilitarisation", "must be demilitarized") == (0, "addressee")
    assert pos("us", "security_guarantees", "The US had refused security assurances") == (-1, "subject")
    assert pos("russia", "neutrality", "to force Ukraine to agree") == (1, "subject")
    assert pos("ukraine", "neutrality", "never renounced its non-alignment") == (1, "subject")
    assert pos("ukraine", "donbas", "unwillingness to abandon its claims") == (1, "subject")
    assert pos("ukraine", "referendum", "approved through a referendum") == (1, "speaker")


def test_results_section(bundled) -> None:
    attr = st.attributions(bundled)
    res = st.stance_results(
        st.voice_share(attr), attr, st.actor_profile(bundled, n_boot=200), st.claims(bundled)
    )
    required = {
        "voice": {"actor", "quotes", "quoted_words"},
        "attributions": {"speaker", "actor", "reporting_verb", "verb_class", "quote", "sentence_id"},
        "actors": {"actor", "mentions", "sentiment_mean", "deontic", "hedges", "boosters"},
        "claims": {"actor", "issue", "position", "sentence_id", "sentence"},
    }
    for key, cols in required.items():
        assert res[key] and all(cols | {"article"} <= set(r) for r in res[key]), key
    json.dumps(res)  # plain JSON types only


# ------------------------------------------------------------------ several articles and plots


def test_several_articles_keep_apart() -> None:
    arts = [art(KYIV_DAILY), art(MOSCOW_HERALD)]
    slugs = [a.slug for a in arts]
    attr = st.attributions(arts)
    assert list(dict.fromkeys(attr["article"])) == slugs
    kyiv = attr[attr["article"] == slugs[0]]
    assert list(kyiv["verb_class"]) == [
        "neutral",
        "neutral",
        "distancing",
        "distancing",
        "neutral",
        "neutral",
    ]
    moscow = attr[attr["article"] == slugs[1]]
    assert list(moscow["actor"]) == ["russia", "russia", "russia", "ukraine"]
    c = st.claims(arts)
    kyiv_neutrality = c[(c["article"] == slugs[0]) & (c["issue"] == "neutrality")].set_index("actor")[
        "position"
    ]
    assert kyiv_neutrality.to_dict() == {"russia": 1, "ukraine": -1}
    moscow_crimea = one(c, article=slugs[1], issue="crimea")
    assert moscow_crimea[["actor", "position", "role", "relation"]].tolist() == [
        "ukraine",
        1,
        "claim",
        "speaker",
    ]
    p = st.actor_profile(arts, n_boot=100)
    assert set(p["article"]) == set(slugs)
    for table in (
        st.actor_mentions(arts),
        st.issue_mentions(arts),
        st.epistemic_markers(arts),
        st.deontic_markers(arts),
        st.actor_sentences(arts),
        st.voice_overview(arts),
    ):
        assert set(table["article"]) <= set(slugs) and len(table)


def test_plots_return_figures_with_one_panel_per_article() -> None:
    arts = [art(KYIV_DAILY), art(MOSCOW_HERALD)]
    slugs = [a.slug for a in arts]
    attr = st.attributions(arts)
    claims = st.claims(arts)
    figs = [
        stance_plots.voice_share_plot(st.voice_share(attr), articles=slugs),
        stance_plots.sentiment_plot(st.actor_sentiment(arts, n_boot=100), articles=slugs),
        stance_plots.verb_class_plot(st.verb_class_table(attr), articles=slugs),
        stance_plots.claims_heatmap(st.claims_matrix(claims), articles=slugs),
        stance_plots.deontic_plot(st.deontic_markers(arts), articles=slugs),
        stance_plots.epistemic_plot(st.actor_profile(arts, n_boot=100), articles=slugs),
    ]
    for fig in figs:
        assert isinstance(fig, Figure)
        panels = [ax for ax in fig.axes if ax.get_title()]
        assert len(panels) == 2, fig  # every article gets a panel, even one with nothing to show
    empty = art("Nothing political happens here.")
    nothing = [  # a section with nothing to show draws no (empty) figure
        stance_plots.voice_share_plot(st.voice_share(st.attributions(empty))),
        stance_plots.verb_class_plot(st.verb_class_table(st.attributions(empty))),
        stance_plots.claims_heatmap(st.claims_matrix(st.claims(empty))),
        stance_plots.deontic_plot(st.deontic_markers(empty)),
        stance_plots.sentiment_plot(st.actor_sentiment(empty)),
        stance_plots.epistemic_plot(st.actor_profile(empty)),
    ]
    assert nothing == [None] * 6
    # an obligation put on no actor is not something to draw either
    assert stance_plots.deontic_plot(st.deontic_markers(art("It must end."))) is None


def test_plain_text_attacks_stay_text() -> None:
    a = art("“<script>alert(1)</script> must end,” said Lavrov. Ukraine <b>rejected</b> neutrality.")
    attr = st.attributions(a)
    assert attr["quote"].iloc[0].startswith("<script>")
    assert np.isfinite(st.actor_profile(a, n_boot=50)["sentiment_mean"]).all()


# ------------------------------------------------------------------ memo


def test_actor_sentences_are_fresh_tables_although_cached(bundled):
    lex = st.load_stance_lexicons()
    first = st.actor_sentences(bundled, lex)
    first["compound"] = 9.0
    again = st.actor_sentences(bundled, lex)
    assert len(again) and (again["compound"] <= 1).all()
    # the author-voice score of a sentence without quotes is the score of the whole sentence
    plain = again[(again["author_text"] == again["sentence"])]
    assert len(plain) and (plain["author_compound"] == plain["compound"]).all()

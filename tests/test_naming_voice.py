"""Naming voice: the author's own usage, quoted speakers, and distanced usage (issue 10, item 6).

Small hand-written sentences (not items of the gold set): minimal pairs where one word
moves a hit from one voice to another, and the cases that must stay as they are.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from research_utils import article_from_text
from research_utils.analyses import framing as fr
from research_utils.analyses.framing import naming as naming_module
from research_utils.analyses.framing.naming_voice import distance_cues, reporting_forms


@pytest.fixture(scope="module")
def lex() -> fr.FramingLexicons:
    return fr.load_lexicons()


def _doc(text: str):
    return article_from_text(f"Headline\n\n{text}")


def _voices(text: str, lex: fr.FramingLexicons, term: str | None = None) -> list[tuple[str, str, str]]:
    """(set, match, voice) of every hit, or of the hits whose match is ``term``."""
    hits = fr.naming_hits(_doc(text), lex)
    rows = list(zip(hits["set"], hits["match"], hits["voice"], strict=True))
    return [r for r in rows if term is None or r[1].lower() == term.lower()]


def _voice(text: str, lex: fr.FramingLexicons, term: str) -> str:
    found = {v for _, _, v in _voices(text, lex, term)}
    assert len(found) == 1, (text, found)
    return found.pop()


# --------------------------------------------------------------------------- minimal pairs


@pytest.mark.parametrize(
    ("own", "distanced"),
    [
        # a distancing modifier
        (
            "The special military operation entered its fourth month.",
            "The so-called special military operation entered its fourth month.",
        ),
        # a relative naming frame ("what X calls")
        (
            "Troops took part in a special military operation near the border.",
            "Troops took part in what Moscow calls a special military operation near the border.",
        ),
        # "what X said was", and a describing verb with its object moved away
        (
            "Troops crossed the border in a special military operation.",
            "Troops crossed the border in what the Kremlin said was a special military operation.",
        ),
        (
            "The war, a special military operation since 2022, goes on.",
            "The war, a conflict Moscow describes as a special military operation, goes on.",
        ),
        # a naming frame after the term
        (
            "The special military operation, as planned, went on.",
            "The special military operation, as the Kremlin terms it, went on.",
        ),
        # a naming participle
        (
            "The offensive, a special military operation, began at dawn.",
            "The offensive, dubbed a special military operation, began at dawn.",
        ),
        # the Kremlin's possessive before a side-B term
        (
            "Russia's special military operation has cost thousands of lives.",
            "The Kremlin's special military operation has cost thousands of lives.",
        ),
        # the term named as a word
        (
            "Censors banned the war from the evening news.",
            "Censors banned the word war from the evening news.",
        ),
        # the register after the term
        (
            "The Kiev regime, in the end, refused to sign.",
            "The Kiev regime, in Kremlin parlance, refused to sign.",
        ),
    ],
)
def test_one_frame_word_moves_a_term_from_author_to_distanced(lex, own, distanced):
    term = "war" if "war " in own else "Kiev regime" if "Kiev regime" in own else "special military operation"
    assert _voice(own, lex, term) == "author"
    assert _voice(distanced, lex, term) == "distanced"


def test_short_quotation_marks_are_quoted_speech_only_when_speech_is_reported(lex):
    scare = "The “Kiev regime” refused to send a delegation to the talks."
    reported = "The spokeswoman said the “Kiev regime” refused to send a delegation."
    after = "The “Kiev regime” refused to send a delegation, the spokeswoman said."
    assert _voice(scare, lex, "Kiev regime") == "distanced"
    assert _voice(reported, lex, "Kiev regime") == "quoted"
    assert _voice(after, lex, "Kiev regime") == "quoted"


def test_a_long_quotation_is_quoted_even_when_the_speaker_distances_a_term(lex):
    text = "“This so-called special military operation is a war of conquest,” the foreign minister said."
    assert _voice(text, lex, "special military operation") == "quoted"
    assert _voice(text, lex, "war of conquest".split()[0]) == "quoted"


def test_a_verb_of_naming_before_quotation_marks_distances_the_term(lex):
    named = "State television calls the war a “special military operation”."
    mentioned = "Pundits on state television speak of the “Kiev regime” every night."
    assert _voices(named, lex) == [
        ("operation", "war", "author"),
        ("operation", "special military operation", "distanced"),
    ]
    assert _voice(mentioned, lex, "Kiev regime") == "distanced"


def test_unquoted_complement_of_call_stays_the_authors_own(lex):
    # The writer uses the word: "slow to call the invasion an invasion".
    text = "Several governments hesitated for weeks to call the offensive an invasion."
    assert _voice(text, lex, "invasion") == "author"


def test_the_object_of_a_naming_verb_is_not_its_label(lex):
    text = "The Kremlin dubbed the invasion a “special military operation” from the first day."
    assert _voices(text, lex) == [
        ("operation", "invasion", "author"),
        ("operation", "special military operation", "distanced"),
    ]
    assert _voice("The resolution, which calls the invasion a crime, passed.", lex, "invasion") == "author"


def test_endorsing_frame_keeps_the_authors_voice(lex):
    endorsed = "The Kiev regime, as it is rightly called, blocked the corridor."
    distanced = "The Kiev regime, as it is called on state television, blocked the corridor."
    assert _voice(endorsed, lex, "Kiev regime") == "author"
    assert _voice(distanced, lex, "Kiev regime") == "distanced"


def test_straight_single_quotes_of_british_copy(lex):
    scare = "The 'special military operation' is now in its third year."
    speech = "He said: 'The special military operation will go on until every goal is met.'"
    assert _voice(scare, lex, "special military operation") == "distanced"
    assert _voice(speech, lex, "special military operation") == "quoted"


def test_distance_works_for_either_side(lex):
    text = "Foreign newspapers, which call the operation an “invasion,” ignore the shelling."
    assert _voice(text, lex, "invasion") == "distanced"


def test_a_name_inside_a_longer_term_takes_the_voice_of_the_longer_term(lex):
    # "so-called Luhansk People's Republic" is a side-A term of the lexicon: the author's.
    text = "The so-called Luhansk People's Republic announced a curfew."
    assert {(s, v) for s, _, v in _voices(text, lex)} == {("territories", "author"), ("luhansk", "author")}
    quoted = "The “Kiev regime” cut the power, residents complained."
    assert {v for _, _, v in _voices(quoted, lex)} == {"quoted"}


def test_the_hits_table_says_what_decided_the_voice(lex):
    hits = fr.naming_hits(_doc("Troops joined what the Kremlin calls a special military operation."), lex)
    row = hits.iloc[0]
    assert row["voice"] == "distanced" and row["voice_cue"] == "what the Kremlin calls a"
    plain = fr.naming_hits(_doc("Russian forces shelled Kharkiv."), lex).iloc[0]
    assert (plain["voice"], plain["voice_cue"]) == ("author", "")


# --------------------------------------------------------------------------- not the referent


@pytest.mark.parametrize(
    "text",
    [
        "Both sides exchanged prisoners of war at the border on Friday.",
        "The Cold War ended more than thirty years ago.",
        "The court heard evidence of war crimes in the occupied town.",
        "The chain put chicken Kiev back on its menu.",
        "A reporter for the Kyiv Independent asked the first question.",
        "Storms knocked out power in Odessa, Texas, overnight.",
        "The junta that seized power in the military coup in Niger closed the border.",
        "The two parties have been locked in a war of words for a month.",
        "The new minister declared war on red tape.",
        "Annex II of the treaty lists the exempted goods.",
        "The festival ran on military operation-style logistics.",
    ],
)
def test_fixed_phrases_and_other_referents_are_not_counted(lex, text):
    assert _voices(text, lex) == []


def test_the_referent_is_still_counted_next_to_an_excluded_phrase(lex):
    text = "A reporter for the Kyiv Independent said Russia's war had reached Kyiv again."
    # "war" in the reported clause is the reporter's word; the spelling "Kyiv" is the outlet's
    assert sorted(_voices(text, lex)) == [("kyiv", "Kyiv", "author"), ("operation", "war", "quoted")]


# --------------------------------------------------------------------------- tables and headline

WESTERN = """Missiles hit Kyiv as talks stall

KYIV, March 3 - Russian missiles struck Kyiv and Kharkiv overnight, officials said, as Moscow's
full-scale invasion of Ukraine entered its third year.

The Kremlin still describes the war as a “special military operation”, and state television
repeats that the so-called special military operation is going to plan.

“The special military operation will continue until all its goals are achieved,” a Kremlin
spokesman told reporters.

Ukrainian forces said they had shot down most of the drones over Kyiv.
"""


def test_western_article_with_so_called_has_a_headline_index_well_above_zero(lex):
    doc = article_from_text(WESTERN, path="western.txt")
    overall = fr.naming_overall(doc, lex).iloc[0]
    assert overall["index_author"] >= 0.9  # Kyiv, Kharkiv, invasion, Ukrainian forces: all side A
    assert overall["index_distanced"] == -1.0 and overall["index_quoted"] == -1.0
    op = fr.naming_table(doc, lex).set_index("set").loc["operation"]
    assert (op["side_b_author"], op["side_b_quoted"], op["side_b_distanced"]) == (0, 1, 2)
    assert op["index_author"] == 1.0 and op["index"] < 0  # all voices pooled tell the opposite story
    table = fr.naming_table(doc, lex)
    summary = fr.results_summary(
        doc,
        scores=fr.frame_scores(doc, lex, "all"),
        naming=table,
        naming_overall=fr.naming_overall(doc, lex),
        persuasion=fr.persuasion_counts(doc, lex),
        entman=fr.entman_functions(doc, lex),
        checklist=fr.sv_checklist(doc, lex),
        min_cues=3,
    )
    assert summary["naming_index"] == overall["index_author"] >= 0.9
    assert summary["naming_index_distanced"] == -1.0
    assert fr.naming_title(fr.naming_overall(doc, lex), doc).startswith(
        "Naming choices (author's own usage: index +"
    )


def test_table_voices_add_up_and_author_excludes_distanced(lex):
    text = "The so-called special military operation and the special military operation. Kyiv."
    row = fr.naming_table(_doc(text), lex).set_index("set").loc["operation"]
    assert (row["side_b_author"], row["side_b_distanced"], row["side_b_quoted"]) == (1, 1, 0)
    assert row["side_b_count"] == 2
    assert math.isnan(row["index_quoted"]) and row["index_distanced"] == -1.0
    with pytest.raises(ValueError):
        fr.naming_index(fr.naming_table(_doc(text), lex), voice="nobody")
    assert fr.naming_index(fr.naming_table(_doc(text), lex), voice="distanced") == -1.0


# --------------------------------------------------------------------------- cues and figures


def test_cue_lists_come_from_the_lexicon_and_fall_back_to_the_bundled_ones(lex, tmp_path):
    meta = lex.naming.meta
    for key in ("distancing_modifiers", "naming_verbs", "mention_nouns", "term_quote_words"):
        assert meta[key]
    assert {"said", "told", "according to"} <= set(reporting_forms())
    user = tmp_path / "naming.yaml"
    user.write_text(
        "meta:\n  name: mine\n  description: d\n  method: m\n  sources: [s]\n"
        "entries:\n  - id: capital\n    referent: the capital\n    side_a: [Kyiv]\n    side_b: [Kiev]\n"
        "    source: s\n",
        encoding="utf-8",
    )
    mine = fr.load_lexicons(naming=str(user))
    assert distance_cues(mine.naming).term_quote_words == distance_cues(lex.naming).term_quote_words
    hits = fr.naming_hits(_doc("Officials of the so-called Kiev administration met."), mine)
    assert hits["voice"].tolist() == ["distanced"]


def test_validation_note_quotes_the_figures():
    figures = pd.DataFrame(
        {
            "measure": ["naming precision", "naming recall", "naming index sign accuracy"],
            "real_test": [0.85, 0.75, None],
            "real_dev": [0.9, 0.8, 1.0],
            "synthetic_test": [0.97, 0.98, 0.96],
            "synthetic_dev": [1.0, 1.0, 1.0],
        }
    )
    text = naming_module.naming_validation_note(figures).text
    assert "precision 0.85 and recall 0.75" in text and "a share of n/a" in text
    assert "0.97, 0.98, 0.96" in text
    missing = naming_module.naming_validation_note(figures.iloc[:1]).text
    assert "no figures available" in missing


def test_naming_chart_shows_distanced_usage_apart_and_titles_the_authors_own(lex):
    from matplotlib.figure import Figure

    from research_utils.plots import framing as fplots

    doc = article_from_text(WESTERN, path="western.txt")
    table = fr.naming_table(doc, lex)
    fig = fplots.naming_chart(table, title=fr.naming_title(fr.naming_overall(doc, lex), doc))
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if p.get_hatch() and p.get_width() != 0]
    assert [abs(p.get_width()) for p in hatched] == [2]  # the two distanced side-B uses
    assert ax.get_title(loc="left") == "Naming choices (author's own usage: index +1.00)"
    labels = [t.get_text() for t in ax.texts]
    assert "author +1.00  (all -0.20)" in labels


def test_a_neighbouring_sets_referent_counts_only_there(lex):
    text = "Drones hit an airfield in Russian-occupied Crimea; Russian-occupied Donetsk was shelled."
    assert sorted((s, m) for s, m, _ in _voices(text, lex)) == [
        ("crimea", "occupied Crimea"),
        ("territories", "Russian-occupied"),
    ]


# ------------------------------------------------------------------ real copy (issue 17, item 4)


def test_a_paraphrase_of_an_official_is_the_officials_word_but_a_spelling_stays_the_authors(lex):
    """Our sentences in the constructions of real copy: "Putin told Xi that Russia's military
    operation ... was necessary" reports Putin's word; the outlet's spelling of a place name
    is its own, whoever it reports; the author's background in the same sentence is the
    author's."""
    hits = fr.naming_hits(
        _doc(
            "Putin told Xi that Russia's military operation in Ukraine was necessary. "
            "Zelensky said Kyiv would not give up Donbas, two weeks after Russia invaded."
        ),
        lex,
    )
    got = {(h.set, h.match, h.voice) for h in hits.itertuples()}
    assert ("operation", "military operation", "quoted") in got
    assert ("kyiv", "Kyiv", "author") in got and ("donbas", "Donbas", "author") in got
    assert ("operation", "invaded", "author") in got


def test_neutral_names_are_no_side_and_state_media_scores_its_side(lex):
    hits = fr.naming_hits(_doc("Ukrainian troops and the Ukrainian government said the line held."), lex)
    assert hits.empty  # written by every side: no naming choice
    doc = _doc("Russian forces continue the special operation to protect Donbass.")
    table = fr.naming_table(doc, lex).set_index("set")
    assert table.loc["operation", "index_author"] == -1 and table.loc["donbas", "index_author"] == -1

"""Named speakers are actors in every stance section: a local story with the generic pack."""

from __future__ import annotations

from research_utils.analyses import stance
from research_utils.analyses.stance.named import speaker_terms
from research_utils.ingest import article_from_text

COUNCIL = """Greens take control of Eastfield council

The Greens won 14 of 30 seats, the returning officer said. "This is a vote for cleaner buses," said Green leader Priya Nair.

Nair must now find a partner. Labour's Tom Okafor said his party was open to talks. Okafor might join a coalition, aides said.

Residents said they wanted quieter streets."""


def test_a_speaker_is_found_by_name_and_surname_and_measured_like_an_actor() -> None:
    doc = article_from_text(COUNCIL, path="council.txt")
    lex = stance.load_stance_lexicons(pack="generic")
    mentions = stance.actor_mentions(doc, lex)
    assert set(mentions["label"]) == {"Priya Nair", "Tom Okafor"}
    assert set(mentions["form"]) == {"speaker"}
    assert mentions.groupby("label").size().to_dict() == {"Priya Nair": 2, "Tom Okafor": 2}
    profile = stance.actor_profile(doc, lex, n_boot=100)
    nair = profile[profile["label"] == "Priya Nair"].iloc[0]
    assert nair["deontic"] == 1 and nair["quoted_words"] > 0  # "Nair must now find a partner."
    okafor = profile[profile["label"] == "Tom Okafor"].iloc[0]
    assert okafor["hedges"] >= 1  # "Okafor might join"
    assert stance.obligations_on_actors(stance.deontic_markers(doc, lex))["label"].tolist() == ["Priya Nair"]
    notes = stance.pack_notes(doc, lex)
    assert any("the actors are the speakers the article names" in n for n in notes)
    examples = stance.pack_examples(doc, lex)
    assert "Priya Nair" in examples and "Lavrov" not in examples


def test_claims_keep_the_lexicon_actors_and_a_lexicon_term_inside_a_name_loses() -> None:
    text = """Bank holds rates

"Inflation is easing," said Bank of England governor Andrew Bailey. The Bank of England must act, said Mark Rose."""
    doc = article_from_text(text, path="bank.txt")
    lex = stance.load_stance_lexicons(pack="generic")
    mentions = stance.actor_mentions(doc, lex)
    assert "Andrew Bailey" in set(mentions["label"])
    assert stance.claims(doc, lex).empty  # the generic pack has no issues: no claims, speakers or not


def test_speaker_terms() -> None:
    assert speaker_terms("Priya  Nair", "person") == ("Priya Nair", "Nair")
    assert speaker_terms("Bank of England", "organisation") == ("Bank of England",)
    assert speaker_terms("Madonna", "person") == ("Madonna",)
    assert speaker_terms("Kim Li", "person") == ("Kim Li",)  # a two-letter surname is too easily a word

"""Topic packs: one parameter selects the topic lexicons; the generic pack serves any article."""

from __future__ import annotations

import textwrap
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pytest

from research_utils.analyses import framing, stance
from research_utils.analyses import textstats as ts
from research_utils.lexicons.countries import country_entries, render_yaml
from research_utils.lexicons.pack import PACK_DIR, PackError, bundled_packs, load_pack
from research_utils.paths import DEFAULT_ARTICLE
from research_utils.report.parameters import ParameterError, resolve_paths

OFF_TOPIC = Path(__file__).parent / "data" / "offtopic_central_bank.txt"


@pytest.fixture(scope="module")
def generic() -> stance.StanceLexicons:
    return stance.load_stance_lexicons(pack="generic")


def test_bundled_packs_and_their_lexicons() -> None:
    assert {"generic", "russia_ukraine_2022"} <= set(bundled_packs())
    conflict, gen = load_pack("russia_ukraine_2022"), load_pack("generic")
    assert set(conflict.lexicons) == {"actors", "issues", "naming_sets"}
    assert set(gen.lexicons) == {"actors"}
    assert conflict.kwic_terms and not gen.kwic_terms
    assert conflict.question("stance") and gen.question("stance")
    assert "Russia" not in gen.question("stance")


def test_unknown_pack_is_one_line_naming_the_choices() -> None:
    with pytest.raises(PackError) as err:
        load_pack("climate")
    assert "generic" in str(err.value) and "\n" not in str(err.value)


def test_generic_actors_are_generated_from_the_data_package() -> None:
    """The shipped file is exactly what the generator makes from the installed countryinfo."""
    shipped = (PACK_DIR / "generic" / "actors.yaml").read_text(encoding="utf-8")
    assert shipped == render_yaml(country_entries(), version("countryinfo")), (
        "regenerate: python -m research_utils.lexicons.countries > research_utils/lexicons/packs/generic/actors.yaml"
    )


def test_generator_rules_on_small_records() -> None:
    def rec(name: str, a3: str, capital: str, demonym: str, pop: int, alts: list[str] | None = None) -> dict:
        return {
            "name": name,
            "ISO": {"alpha2": a3[:2], "alpha3": a3},
            "capital": capital,
            "demonym": demonym,
            "population": pop,
            "altSpellings": alts or [],
        }

    entries = {
        e["id"]: e
        for e in country_entries(
            [
                rec("Bigland", "BIG", "Kingston", "Biglish", 100, ["BI", "Republic of Bigland", "Большая"]),
                rec("Smallisle", "SML", "Kingston", "Biglish", 5),
                rec("Jordan", "JOR", "Amman", "Jordanian", 10),
                rec("Burma", "MMR", "Naypyidaw", "Burmese", 50),
                rec("Myanmar", "MMR", "Naypyidaw", "Burmese", 1, ["Republic of Myanmar"]),
            ]
        )
    }
    assert entries["big"]["case_sensitive"] == [
        "Bigland",
        "Republic of Bigland",
        "Kingston",
    ]  # no code, no Cyrillic
    assert entries["sml"]["case_sensitive"] == ["Smallisle"]  # the shared capital stays with the larger
    assert entries["sml"]["case_sensitive_adjectives"] == []
    assert "Kingston: kept for Bigland" in entries["sml"]["notes"]
    assert entries["jor"]["case_sensitive"] == ["Amman"] and "first name" in entries["jor"]["notes"]
    assert entries["mmr"]["label"] == "Burma" and "Republic of Myanmar" in entries["mmr"]["case_sensitive"]


def test_off_topic_article_lists_its_four_named_speakers(generic: stance.StanceLexicons) -> None:
    attr = stance.attributions(OFF_TOPIC, generic)
    voice = stance.voice_share(attr)
    people = set(voice.loc[voice["actor_kind"] == "person", "label"])
    assert people == {"Christine Lagarde", "Marta Jensen", "Paolo Ricci"}
    # a minister's title names the state he speaks for (issue 17: "German climate secretary")
    assert attr.loc[attr["speaker_name"] == "Lukas Brenner", "actor"].tolist() == ["deu"]
    assert stance.UNRESOLVED not in set(attr["label"]) and stance.UNATTRIBUTED not in set(attr["label"])


def test_demonyms_of_the_generic_pack_match_only_as_written(generic: stance.StanceLexicons) -> None:
    found = stance.actor_mentions("Polish officials met Turkish diplomats in Ankara.", generic)
    assert sorted(found["label"]) == ["Poland", "Turkey", "Turkey"]
    assert stance.actor_mentions("They polish the silver and roast a turkey in china dishes.", generic).empty


def test_pack_notes_say_what_does_not_apply(generic: stance.StanceLexicons) -> None:
    assert stance.pack_notes(DEFAULT_ARTICLE) == []
    notes = stance.pack_notes(OFF_TOPIC, generic)
    assert notes == [
        "the topic pack 'generic' has no contested issues: the claims analysis (who wants what) does not apply."
    ]
    conflict = stance.pack_notes(OFF_TOPIC)
    assert (
        len(conflict) == 2
        and "none of the 6 actors" in conflict[0]
        and "none of the 10 issues" in conflict[1]
    )


def test_naming_applies_minimal_pair() -> None:
    assert framing.naming_applies(DEFAULT_ARTICLE) == ""
    assert "occurs: the naming analysis does not apply" in framing.naming_applies(OFF_TOPIC)
    assert "has no naming sets" in framing.naming_applies(OFF_TOPIC, framing.load_lexicons(pack="generic"))
    assert framing.naming_table(OFF_TOPIC, framing.load_lexicons(pack="generic")).empty


def test_concordance_terms_come_from_parameter_pack_or_key_words() -> None:
    key = pd.DataFrame(
        {"word": ["the", "lagarde", "rates", "inflation"], "direction": ["over", "over", "under", "over"]}
    )
    assert ts.concordance_terms(["NATO"], ["neutral*"], key)[0] == ["NATO"]
    assert ts.concordance_terms([], ["neutral*"], key)[0] == ["neutral*"]
    terms, note = ts.concordance_terms([], [], key, n=3)
    assert terms == ["lagarde", "inflation"]  # stop word and under-used word left out
    assert "key words" in note
    assert ts.concordance_terms([], [], key.iloc[:0])[0] == []


def test_a_pack_of_ones_own(tmp_path: Path) -> None:
    folder = tmp_path / "my_pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        textwrap.dedent(
            """\
            meta:
              name: fisheries
              description: EU fishing quotas.
              method: written for a test.
              sources: [none]
            questions:
              stance: Who wants which quota?
            kwic_terms: [quota*]
            """
        ),
        encoding="utf-8",
    )
    (folder / "issues.yaml").write_text(
        textwrap.dedent(
            """\
            meta:
              name: Issues
              description: quotas
              method: by hand
              sources: [none]
            entries:
              - id: quota
                label: Fishing quota
                terms: [fishing quota, quotas]
            """
        ),
        encoding="utf-8",
    )
    lex = stance.load_stance_lexicons(pack=folder)
    assert lex.pack == "fisheries" and lex.issue_labels == {"quota": "Fishing quota"}
    assert lex.actors.entries == ()  # the pack has no actors: an empty lexicon, not the default one
    assert not stance.issue_mentions("Norway rejected the new fishing quota.", lex).empty
    resolved = resolve_paths({"02_stance_comparison": {"pack": "my_pack"}}, tmp_path)
    assert resolved["02_stance_comparison"]["pack"] == str(folder.resolve())
    with pytest.raises(ParameterError) as err:
        resolve_paths({"02_stance_comparison": {"pack": "no_such_pack"}}, tmp_path)
    assert "\n" not in str(err.value) and "pack.yaml" in str(err.value)


def test_corpus_reuse_key_changes_with_the_packs_content(tmp_path: Path) -> None:
    """An edited pack is a new setting: a corpus rerun must not reuse tables made with the old one."""
    from research_utils.analyses.corpus import corpus_options

    folder = tmp_path / "p"
    folder.mkdir()
    pack_yaml = "meta: {name: p, description: d, method: m, sources: [s]}\n"
    (folder / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    first = corpus_options(str(folder))
    assert corpus_options(str(folder)) == first
    (folder / "pack.yaml").write_text(pack_yaml + "kwic_terms: [x]\n", encoding="utf-8")
    assert corpus_options(str(folder)) != first
    assert corpus_options("generic") != corpus_options("russia_ukraine_2022") == corpus_options("")

"""Text statistics: counts and readability against values worked out by hand on small texts.

The arithmetic for each expected value is written in the comments, so a reader can check
the test as well as the code. Diversity, frequencies and keyness are in
``test_textstats_vocabulary.py``; concordance, arc, summaries and corpora in
``test_textstats_tables.py``.
"""

from __future__ import annotations

import math

import pytest

from research_utils import article_from_text, load_article
from research_utils.analyses import textstats as ts
from research_utils.paths import DEFAULT_ARTICLE


def art(*paragraphs: str, name: str = ""):
    """A small article: a title line, then the paragraphs (no deck detection)."""
    return article_from_text("Test title\n\n" + "\n\n".join(paragraphs), meta={"deck": ""}, name=name)


def counts_of(x) -> dict[str, int]:
    """The counts of the one article of ``x`` as a dict."""
    row = ts.counts(x).iloc[0]
    return {k: int(row[k]) for k in ts.COUNT_DEFINITIONS}


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


CAT = "The cat sat on the mat. It was a happy cat."

GERMAN = (
    "Die Verhandlungen zwischen den beiden Delegationen wurden am Dienstag in Istanbul fortgesetzt. "
    "Beide Seiten sprachen danach von Fortschritten, doch viele Fragen blieben offen. Die Regierung "
    "verlangte Sicherheitsgarantien, während die andere Seite auf ihren Forderungen bestand. Beobachter "
    "erwarten keine schnelle Einigung, weil die Positionen weit auseinander liegen."
)


# --------------------------------------------------------------------------- counts


def test_counts_by_hand() -> None:
    c = counts_of(art(CAT))
    assert c["paragraphs"] == 1
    assert c["sentences"] == 2
    # The cat sat on the mat (6) + It was a happy cat (5) = 11 words
    assert c["words"] == 11
    # the cat sat on mat it was a happy = 9 case-folded types ("The"/"the", "cat" twice)
    assert c["types"] == 9
    # letters: 3+3+3+2+3+3 = 17 and 2+3+1+5+3 = 14 -> 31; no digits
    assert c["characters"] == c["letters"] == 31
    assert c["characters_with_spaces"] == len(CAT) == 43
    # one syllable each except hap-py: 10 + 2 = 12
    assert c["syllables"] == 12
    assert c["polysyllables"] == c["long_words"] == c["complex_words"] == 0


def test_counts_table_is_the_counts_with_definitions() -> None:
    a = art(CAT, name="cat")
    table = ts.counts_table(a)
    assert table.columns.tolist() == ["article", "measure", "value", "definition"]
    assert table["measure"].tolist() == list(ts.COUNT_DEFINITIONS)
    assert dict(zip(table["measure"], table["value"], strict=True)) == counts_of(a)
    assert set(table["article"]) == {"cat"}


def test_counts_cs50_examples() -> None:
    """Letter, word and sentence counts of the CS50 Readability examples (Harvard CS50x 2020)."""
    a = art("Congratulations! Today is your day. You're off to Great Places! You're off and away!")
    c = counts_of(a)
    assert (c["letters"], c["words"], c["sentences"]) == (65, 14, 4)
    # L = 65/14*100 = 464.29, S = 4/14*100 = 28.57; 0.0588*464.29 - 0.296*28.57 - 15.8 = 3.04 -> "Grade 3"
    assert round(ts.readability_dict(a)["coleman_liau"]) == 3
    b = art(
        "Harry Potter was a highly unusual boy in many ways. For one thing, he hated the summer "
        "holidays more than any other time of year. For another, he really wanted to do his "
        "homework, but was forced to do it in secret, in the dead of the night. And he also "
        "happened to be a wizard."
    )
    c = counts_of(b)
    assert (c["letters"], c["words"], c["sentences"]) == (214, 56, 4)
    # L = 382.14, S = 7.14: 22.47 - 2.11 - 15.8 = 4.55 -> "Grade 5"
    assert round(ts.readability_dict(b)["coleman_liau"]) == 5


def test_numbers_are_words_for_readability_only() -> None:
    a = art("In 1991 Ukraine declared independence.")
    c = counts_of(a)
    assert c["words"] == 5 and c["number_tokens"] == 1 and c["vocabulary_tokens"] == 4
    # 1991 is read "nineteen ninety-one": 5 syllables; in (1) U-kraine (2) de-clared (2)
    # in-de-pen-dence (4): 1 + 5 + 2 + 2 + 4 = 14
    assert c["syllables"] == 14
    assert "1991" not in set(ts.word_frequencies(a, 0)["word"])
    # diversity counts the 4 vocabulary tokens (all distinct), not the number
    d = ts.lexical_diversity(a).set_index("key")
    assert d.loc["ttr", "parameters"] == "types=4; tokens=4"


def test_excluded_lines_are_not_counted(bundled) -> None:
    tokens = set(ts.tokens(bundled)["token"])
    assert "Related" not in tokens  # "Related Articles" is page furniture
    assert bundled.title not in bundled.body  # the headline is not measured either
    c = counts_of(bundled)
    assert c["paragraphs"] == len(bundled.paragraphs) == 29
    assert c["words"] == int(bundled.sentences["words"].sum()) == len(ts.tokens(bundled))


def test_bundled_counts_as_documented(bundled) -> None:
    """The counts the README quotes for the bundled article."""
    c = counts_of(bundled)
    assert (c["sentences"], c["words"], c["syllables"]) == (107, 2065, 3719)


def test_sentence_lengths() -> None:
    a = art("One two three. One two three four five. “Quoted words here,” he said. Seven.")
    s = ts.sentence_lengths(a)
    assert s["words"].tolist() == [3, 5, 5, 1]
    summ = ts.sentence_length_summary(a).iloc[0]
    # mean (3+5+5+1)/4 = 3.5; median of 1,3,5,5 = 4; sd: deviations -0.5,1.5,1.5,-2.5 ->
    # squares 0.25+2.25+2.25+6.25 = 11, /3 = 3.667, sqrt = 1.915
    assert summ["mean"] == 3.5 and summ["median"] == 4 and (summ["min"], summ["max"]) == (1, 5)
    assert summ["sd"] == pytest.approx(math.sqrt(11 / 3))
    assert s["voice"].tolist() == ["author", "author", "quoted", "author"]
    longest = ts.longest_sentences(a, 2)
    assert longest["sentence_id"].tolist() == [1, 2]  # ties kept in article order


def test_repairs_table(bundled) -> None:
    r = ts.repairs_table(bundled)
    assert r.columns.tolist() == ["article", "repair", "places"]
    assert dict(zip(r["repair"], r["places"], strict=True)) == bundled.repairs
    assert r["repair"].tolist() == sorted(bundled.repairs)
    assert ts.repairs_table(art(CAT)).empty


# --------------------------------------------------------------------------- readability formulas


def test_flesch_cat_sat_on_the_mat() -> None:
    # The textbook example: "The cat sat on the mat." = 6 words, 1 sentence, 6 syllables.
    # 206.835 - 1.015*6 - 84.6*1 = 116.145 (the often-quoted "116")
    assert ts.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145)
    a = art("The cat sat on the mat.")
    assert ts.readability_dict(a)["flesch_reading_ease"] == pytest.approx(116.145)
    c = counts_of(a)
    assert (c["words"], c["sentences"], c["syllables"]) == (6, 1, 6)


def test_flesch_kincaid() -> None:
    # 100 words, 5 sentences, 150 syllables: 0.39*20 + 11.8*1.5 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91
    assert ts.flesch_kincaid_grade(100, 5, 150) == pytest.approx(9.91)
    # same counts, Flesch: 206.835 - 20.3 - 126.9 = 59.635
    assert ts.flesch_reading_ease(100, 5, 150) == pytest.approx(59.635)


def test_smog_mclaughlin() -> None:
    # McLaughlin's procedure: 30 sentences with 36 polysyllables -> sqrt(36) = 6;
    # regression form 1.0430*6 + 3.1291 = 9.3871 (the rough rule "3 + 6" gives 9)
    assert ts.smog(36, 30) == pytest.approx(9.3871)
    # 10 sentences with 12 polysyllables scale to 30: 12*30/10 = 36 -> same grade
    assert ts.smog(12, 10) == pytest.approx(9.3871)


def test_gunning_fog_and_complex_words() -> None:
    # 100 words, 4 sentences, 10 complex: 0.4*(25 + 10) = 14
    assert ts.gunning_fog(100, 4, 10) == pytest.approx(14.0)
    a = art(
        "Yesterday Barcelona celebrated. Managers were creating wide-ranging agreements and decided quickly."
    )
    t = ts.tokens(a).set_index("token")
    # 3+ syllables: Yesterday 3, Barcelona 4, celebrated 4, Managers 3, creating 3,
    # wide-ranging 3, agreements 3, decided 3
    assert t["polysyllable"].sum() == 8
    # complex: Yesterday (sentence-initial capital still counts), celebrated (base
    # "celebrate" has 3), Managers (-ers is not an excluded ending), agreements = 4.
    # Not complex: Barcelona (capitalised inside a sentence), creating and decided
    # (base "create"/"decide" has 2), wide-ranging (hyphenated).
    assert sorted(t.index[t["complex_word"]]) == ["Managers", "Yesterday", "agreements", "celebrated"]
    # words 11, sentences 2: 0.4*(5.5 + 100*4/11) = 0.4*(5.5 + 36.364) = 16.745
    assert ts.readability_dict(a)["gunning_fog"] == pytest.approx(0.4 * (5.5 + 400 / 11))


def test_coleman_liau_ari_lix() -> None:
    # Coleman-Liau: 500 letters, 100 words, 5 sentences: L = 500, S = 5:
    # 0.0588*500 - 0.296*5 - 15.8 = 29.4 - 1.48 - 15.8 = 12.12
    assert ts.coleman_liau(500, 100, 5) == pytest.approx(12.12)
    # ARI: 450 characters, 100 words, 5 sentences: 4.71*4.5 + 0.5*20 - 21.43 = 21.195 + 10 - 21.43 = 9.765
    assert ts.ari(450, 100, 5) == pytest.approx(9.765)
    # LIX: 100 words, 5 sentences, 30 long words: 20 + 30 = 50
    assert ts.lix(100, 5, 30) == pytest.approx(50.0)


def test_dale_chall_jump_at_five_percent() -> None:
    # 5 difficult of 100 words (exactly 5 %), 10 sentences: 0.1579*5 + 0.0496*10 = 0.7895 + 0.496 = 1.2855
    assert ts.dale_chall(5, 100, 10) == pytest.approx(1.2855)
    # 6 %: 0.1579*6 + 0.496 + 3.6365 = 0.9474 + 0.496 + 3.6365 = 5.0799
    assert ts.dale_chall(6, 100, 10) == pytest.approx(5.0799)


def test_formulas_undefined_without_words() -> None:
    for v in (ts.flesch_reading_ease(0, 0, 0), ts.smog(0, 0), ts.lix(0, 0, 0), ts.ari(0, 0, 0)):
        assert math.isnan(v)


def test_familiar_words_rule() -> None:
    # on the list, or one regular ending away from it
    for w in ("dog", "dogs", "happier", "making", "stopped", "bigger", "quickly", "tried", "Dogs"):
        assert ts.is_familiar(w), w
    for w in ("sovereignty", "geopolitical", "ukraine", "non-stop", "fled"):  # fled: irregular, unlisted
        assert not ts.is_familiar(w), w
    assert ts.is_familiar("dog's") and ts.is_familiar("bed-time")


def test_dale_chall_minimal_pair() -> None:
    """One familiar word swapped for an unfamiliar one: one more difficult word, a higher score."""
    easy = art("The dog ran home. The dog was happy.")
    hard = art("The dog ran home. The dog was sovereign.")
    # 8 words, 2 sentences. easy: 0 difficult: 0.1579*0 + 0.0496*4 = 0.1984.
    # hard: 1 difficult = 12.5 % > 5 %: 0.1579*12.5 + 0.1984 + 3.6365 = 5.80865
    assert counts_of(easy)["difficult_words"] == 0 and counts_of(hard)["difficult_words"] == 1
    assert ts.readability_dict(easy)["dale_chall"] == pytest.approx(0.1984)
    assert ts.readability_dict(hard)["dale_chall"] == pytest.approx(5.80865)
    words = ts.difficult_word_list(hard)
    assert words[["word", "count", "sentence_id"]].values.tolist() == [["sovereign", 1, 1]]


def test_dale_chall_names_and_numbers_are_familiar() -> None:
    a = art("Yesterday Zelensky spoke in 2022. Sovereignty matters.")
    t = ts.tokens(a).set_index("token")
    assert not t.loc["Zelensky", "difficult"]  # capitalised inside a sentence: a name
    assert not t.loc["2022", "difficult"]
    assert t.loc["Sovereignty", "difficult"]  # sentence-initial: judged as a word


def test_sentence_initial_name_recognised_from_elsewhere() -> None:
    # "Zelensky" opens the first sentence, and is capitalised inside the second: a name
    # in both places. "Negotiations" only ever opens a sentence: judged as a word.
    a = art("Zelensky hesitated. Negotiations with Zelensky continued.")
    t = ts.tokens(a)
    assert t.loc[t["token"] == "Zelensky", "proper_name"].tolist() == [True, True]
    assert not t.loc[t["token"] == "Zelensky", "difficult"].any()
    neg = t[t["token"] == "Negotiations"].iloc[0]
    assert not neg["proper_name"] and neg["complex_word"] and neg["difficult"]


def test_word_lists_behind_the_counts() -> None:
    a = art("Negotiations stalled. The negotiations resumed after negotiations failed. Sovereignty.")
    lst = ts.difficult_word_list(a, "complex_word")
    # "Negotiations" (sentence-initial, never inside: a word) and "negotiations" twice share a type
    assert lst[["word", "count", "syllables", "syllable_source", "sentence_id"]].values.tolist()[0] == [
        "negotiations",
        3,
        5,
        "cmudict",
        0,
    ]
    assert lst["sentence"].iloc[0] == "Negotiations stalled."
    # ties (count 1) alphabetical: resumed? no (2 syllables); sovereignty (4) is complex
    assert lst["word"].tolist() == ["negotiations", "sovereignty"]
    with pytest.raises(ValueError):
        ts.difficult_word_list(a, "rare")


def test_readability_table_is_recomputable(bundled) -> None:
    r = ts.readability(bundled)
    assert r["key"].tolist() == list(ts.READABILITY_KEYS)
    c = counts_of(bundled)
    row = r.set_index("key").loc["flesch_reading_ease"]
    assert row["inputs"] == f"words={c['words']}; sentences={c['sentences']}; syllables={c['syllables']}"
    assert row["value"] == pytest.approx(ts.flesch_reading_ease(c["words"], c["sentences"], c["syllables"]))
    # the values the README quotes for the bundled article
    expected = dict(
        flesch_reading_ease=34.9,
        flesch_kincaid_grade=13.2,
        gunning_fog=13.7,
        smog=14.8,
        coleman_liau=13.5,
        ari=13.0,
        dale_chall=8.4,
        lix=53.5,
    )
    assert {k: round(ts.readability_dict(r)[k], 1) for k in expected} == expected
    assert ts.readability_dict(bundled) == ts.readability_dict(r)
    assert "30 or more" not in r.set_index("key").loc["smog", "interpretation"]  # 107 sentences: no warning


def test_the_readability_registry_drives_keys_values_and_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """A formula is one decorated function: its record alone adds the key, the value, the
    table row (with inputs, calculation, citation and reading) and the comparison column."""
    from research_utils.analyses.textstats import formulas

    assert list(formulas.READABILITY) == list(ts.READABILITY_KEYS) == list(ts.readability_keys())
    assert formulas.READABILITY["ari"].inputs == ("characters", "words", "sentences")
    monkeypatch.setattr(formulas, "READABILITY", dict(formulas.READABILITY))

    @ts.readability_formula(
        name="Words per sentence",
        formula="words/sentences",
        calculation=lambda c, v: f"{c['words']}/{c['sentences']} = {v:.2f}",
        citation="A test of the registry.",
        reading=formulas.bands(((10, "long"),), below="short"),
    )
    def words_per_sentence(words: int, sentences: int) -> float:
        return words / sentences

    doc = art(CAT)
    row = ts.readability(doc).set_index("key").loc["words_per_sentence"]
    assert row[["measure", "value", "inputs", "calculation", "interpretation"]].tolist() == [
        "Words per sentence",
        5.5,
        "words=11; sentences=2",
        "11/2 = 5.50",
        "short",
    ]
    assert ts.readability_keys()[-1] == "words_per_sentence"
    assert ts.readability_dict(doc)["words_per_sentence"] == 5.5
    assert ts.summary(doc)["readability"]["words_per_sentence"] == 5.5
    assert "words_per_sentence" in ts.compare(doc).columns


def test_smog_warns_on_short_texts() -> None:
    r = ts.readability(art(CAT)).set_index("key")
    assert "only 2 sentences" in r.loc["smog", "interpretation"]


def test_readability_does_not_apply_to_text_that_is_not_english() -> None:
    german = art(GERMAN)
    assert not german.looks_english
    r = ts.readability(german)
    assert r["key"].tolist() == list(ts.READABILITY_KEYS)  # the rows stay, with their inputs
    assert r["value"].isna().all()
    assert r["interpretation"].str.contains("does not look like English").all()
    assert r["inputs"].str.contains("sentences=4").all()
    assert all(math.isnan(v) for v in ts.readability_dict(german).values())
    assert ts.summary(german)["readability"] == dict.fromkeys(ts.READABILITY_KEYS)
    # the same text translated stays measurable
    english = art(
        "The talks between the two delegations continued in Istanbul on Tuesday. Both sides spoke of "
        "progress afterwards, but many questions remained open. The government demanded security "
        "guarantees while the other side held to its demands. Observers expect no quick agreement."
    )
    assert english.looks_english and not math.isnan(ts.readability_dict(english)["flesch_reading_ease"])


# --------------------------------------------------------------------------- tokens


def test_token_table_columns_and_values() -> None:
    a = art("Ukraine's 2022 summit met in non-aligned Vienna.", name="t")
    t = ts.tokens(a)
    assert t.columns.tolist() == [
        "article",
        "sentence_id",
        "paragraph_id",
        "position",
        "start",
        "end",
        "token",
        "norm",
        "term",
        "is_number",
        "stopword",
        "sentence_initial",
        "capitalised",
        "hyphenated",
        "proper_name",
        "letters",
        "characters",
        "syllables",
        "syllable_source",
        "polysyllable",
        "long_word",
        "complex_word",
        "difficult",
        "voice",
    ]
    row = t.set_index("token")
    assert row.loc["Ukraine's", "norm"] == "ukraine's" and row.loc["Ukraine's", "term"] == "ukraine"
    assert row.loc["2022", "is_number"] and row.loc["2022", "syllables"] == 5  # twen-ty twen-ty-two
    assert row.loc["2022", "syllable_source"] == "number"
    assert row.loc["non-aligned", "hyphenated"] and row.loc["non-aligned", "letters"] == 10
    assert row.loc["in", "stopword"] and not row.loc["Vienna", "stopword"]
    assert t["position"].tolist() == list(range(7)) and t["sentence_initial"].tolist() == [True] + [False] * 6


def test_custom_stopwords_change_the_token_table(tmp_path) -> None:
    f = tmp_path / "stop.txt"
    f.write_text("# mine\nsummit\n", encoding="utf-8")
    a = art("The summit met.")
    bundled_list = ts.tokens(a).set_index("token")["stopword"].to_dict()
    mine = ts.tokens(a, stopwords_path=str(f)).set_index("token")["stopword"].to_dict()
    assert bundled_list == {"The": True, "summit": False, "met": False}
    assert mine == {"The": False, "summit": True, "met": False}

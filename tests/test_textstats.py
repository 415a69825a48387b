"""Text statistics against values worked out by hand on small texts.

The arithmetic for each expected value is written in the comments, so a reader can
check the test as well as the code.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from research_utils import article_from_text, load_article
from research_utils import textstats as ts
from research_utils.paths import DEFAULT_ARTICLE, notebook_path


def art(*paragraphs: str):
    """A small article: a title line, then the paragraphs (no deck detection)."""
    return article_from_text("Test title\n\n" + "\n\n".join(paragraphs), meta={"deck": ""})


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


# --------------------------------------------------------------------------- counts

CAT = "The cat sat on the mat. It was a happy cat."


def test_counts_by_hand() -> None:
    c = ts.counts(art(CAT))
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


def test_counts_cs50_examples() -> None:
    """Letter, word and sentence counts of the CS50 Readability examples (Harvard CS50x 2020)."""
    a = art("Congratulations! Today is your day. You're off to Great Places! You're off and away!")
    c = ts.counts(a)
    assert (c["letters"], c["words"], c["sentences"]) == (65, 14, 4)
    # L = 65/14*100 = 464.29, S = 4/14*100 = 28.57; 0.0588*464.29 - 0.296*28.57 - 15.8 = 3.04 -> "Grade 3"
    assert round(ts.readability_dict(a)["coleman_liau"]) == 3
    b = art(
        "Harry Potter was a highly unusual boy in many ways. For one thing, he hated the summer "
        "holidays more than any other time of year. For another, he really wanted to do his "
        "homework, but was forced to do it in secret, in the dead of the night. And he also "
        "happened to be a wizard."
    )
    c = ts.counts(b)
    assert (c["letters"], c["words"], c["sentences"]) == (214, 56, 4)
    # L = 382.14, S = 7.14: 22.47 - 2.11 - 15.8 = 4.55 -> "Grade 5"
    assert round(ts.readability_dict(b)["coleman_liau"]) == 5


def test_numbers_are_words_for_readability_only() -> None:
    a = art("In 1991 Ukraine declared independence.")
    c = ts.counts(a)
    assert c["words"] == 5 and c["number_tokens"] == 1 and c["vocabulary_tokens"] == 4
    # 1991 is read "nineteen ninety-one": 5 syllables; in (1) U-kraine (2) de-clared (2)
    # in-de-pen-dence (4): 1 + 5 + 2 + 2 + 4 = 14
    assert c["syllables"] == 14
    assert "1991" not in set(ts.word_frequencies(a, 0)["word"])
    assert ts.vocabulary(a) == ["in", "ukraine", "declared", "independence"]


def test_acronyms_keep_capitals() -> None:
    a = art("The US told us to wait. NATO and the EU agreed.")
    words = set(ts.word_frequencies(a, 0)["word"])
    assert {"US", "us", "NATO", "EU"} <= words
    assert "US" in set(ts.word_frequencies(a, 0, exclude_stopwords=True)["word"])


def test_excluded_lines_are_not_counted(bundled) -> None:
    tokens = set(ts.tokens(bundled)["token"])
    assert "Related" not in tokens  # "Related Articles" is page furniture
    excluded = " ".join(
        bundled.blocks[i].text for i in range(len(bundled.blocks)) if bundled.blocks[i].role != "body"
    )
    assert bundled.title in excluded
    c = ts.counts(bundled)
    assert c["paragraphs"] == len(bundled.paragraphs)
    assert c["words"] == int(ts.sentences(bundled)["words"].sum())


def test_sentence_lengths() -> None:
    a = art("One two three. One two three four five. “Quoted words here,” he said. Seven.")
    s = ts.sentence_lengths(a)
    assert s["words"].tolist() == [3, 5, 5, 1]
    summ = ts.sentence_length_summary(a)
    # mean (3+5+5+1)/4 = 3.5; median of 1,3,5,5 = 4; sd: deviations -0.5,1.5,1.5,-2.5 ->
    # squares 0.25+2.25+2.25+6.25 = 11, /3 = 3.667, sqrt = 1.915
    assert summ["mean"] == 3.5 and summ["median"] == 4
    assert summ["sd"] == pytest.approx(math.sqrt(11 / 3))
    assert s["voice"].tolist() == ["author", "author", "quoted", "author"]
    longest = ts.longest_sentences(a, 2)
    assert longest["sentence_id"].tolist() == [1, 2]  # ties kept in article order


# --------------------------------------------------------------------------- readability formulas


def test_flesch_cat_sat_on_the_mat() -> None:
    # The textbook example: "The cat sat on the mat." = 6 words, 1 sentence, 6 syllables.
    # 206.835 - 1.015*6 - 84.6*1 = 116.145 (the often-quoted "116")
    assert ts.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145)
    c = ts.counts(art("The cat sat on the mat."))
    assert ts.readability_dict(art("The cat sat on the mat."))["flesch_reading_ease"] == pytest.approx(
        116.145
    )
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
    for w in ("sovereignty", "geopolitical", "ukraine", "non-stop"):
        assert not ts.is_familiar(w), w
    assert ts.is_familiar("dog's") and ts.is_familiar("bed-time")


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


def test_readability_table_is_recomputable(bundled) -> None:
    r = ts.readability(bundled)
    assert list(r["key"]) == list(ts.READABILITY_KEYS)
    assert {"measure", "value", "formula", "inputs", "citation", "interpretation"} <= set(r.columns)
    c = ts.counts(bundled)
    row = r.set_index("key").loc["flesch_reading_ease"]
    assert row["inputs"] == f"words={c['words']}; sentences={c['sentences']}; syllables={c['syllables']}"
    assert row["value"] == pytest.approx(ts.flesch_reading_ease(c["words"], c["sentences"], c["syllables"]))
    d = ts.readability_dict(r)
    # An analysis piece with 19-word sentences and many Latinate words: hard, not absurd.
    assert 20 < d["flesch_reading_ease"] < 50
    assert 10 < d["flesch_kincaid_grade"] < 16
    assert "30" not in r.set_index("key").loc["smog", "interpretation"]  # > 30 sentences: no warning


def test_smog_warns_on_short_texts() -> None:
    r = ts.readability(art(CAT)).set_index("key")
    assert "30 or more" in r.loc["smog", "interpretation"]


# --------------------------------------------------------------------------- diversity


def test_ttr() -> None:
    assert ts.ttr(["a", "b", "a", "c"]) == 0.75  # 3 types / 4 tokens
    assert math.isnan(ts.ttr([]))


def test_mattr_by_hand() -> None:
    # window 2 over a b a a c: ab (2/2) ba (2/2) aa (1/2) ac (2/2) -> (1+1+.5+1)/4 = 0.875
    assert ts.mattr(list("abaac"), 2) == pytest.approx(0.875)
    # window 3 over a b a c c: aba 2/3, bac 3/3, acc 2/3 -> (2/3 + 1 + 2/3)/3 = 7/9
    assert ts.mattr(list("abacc"), 3) == pytest.approx(7 / 9)
    # shorter than the window: plain TTR
    assert ts.mattr(list("aab"), 50) == pytest.approx(2 / 3)


def test_mattr_running_count_equals_recount() -> None:
    rng = random.Random(3)
    for _ in range(20):
        seq = [rng.choice("abcdefg") for _ in range(rng.randint(5, 60))]
        w = rng.randint(1, 8)
        brute = (
            np.mean([len(set(seq[i : i + w])) / w for i in range(len(seq) - w + 1)]) if len(seq) > w else None
        )
        expected = brute if brute is not None else ts.ttr(seq)
        assert ts.mattr(seq, w) == pytest.approx(expected)


def test_mtld_by_hand() -> None:
    # a a b b, threshold .72. Forward: a (1.0), a (1/2 = .5 <= .72: factor 1, reset),
    # b (1.0), b (.5: factor 2). 4 tokens / 2 factors = 2. Backward is the same: MTLD 2.
    assert ts.mtld(list("aabb")) == pytest.approx(2.0)
    # a b a c d. Forward: a 1, b 1, a 2/3 = .667 (factor 1, reset), c 1, d 1: leftover TTR 1
    # adds (1-1)/(1-.72) = 0 -> 5/1 = 5. Backward d c a b a: TTR 1,1,1,1, then 4/5 = .8:
    # partial factor (1-.8)/.28 = .7143 -> 5/.7143 = 7. MTLD = (5 + 7)/2 = 6.
    assert ts.mtld(list("abacd")) == pytest.approx(6.0)
    # no word repeats: no factor at all, MTLD is not defined
    assert math.isnan(ts.mtld(list("abcd")))


def test_hdd_by_hand() -> None:
    # a a b c, sample 2. P(a in a draw of 2) = 1 - C(2,2)/C(4,2) = 1 - 1/6 = 5/6;
    # b and c: 1 - C(3,2)/C(4,2) = 1 - 3/6 = 1/2. (5/6 + 1/2 + 1/2)/2 = 11/12.
    assert ts.hdd(list("aabc"), sample=2) == pytest.approx(11 / 12)
    # one type only: it is always drawn: 1/2
    assert ts.hdd(list("aaa"), sample=2) == pytest.approx(0.5)
    # all distinct: every type is drawn with probability 2/4: 4 * 0.5 / 2 = 1
    assert ts.hdd(list("abcd"), sample=2) == pytest.approx(1.0)
    assert math.isnan(ts.hdd(list("abc"), sample=42))


def test_ttr_falls_with_length_mattr_does_not(bundled) -> None:
    curve = ts.diversity_curve(bundled)
    assert curve["ttr"].iloc[0] - curve["ttr"].iloc[-1] > 0.2
    assert abs(curve["mattr"].iloc[0] - curve["mattr"].iloc[-1]) < 0.1
    d = ts.lexical_diversity_dict(bundled)
    assert set(d) == {"ttr", "mattr", "mtld", "hdd"}
    assert 0 < d["ttr"] < d["mattr"] < 1 and 0 < d["hdd"] < 1 and d["mtld"] > 20


# --------------------------------------------------------------------------- frequencies


def test_stopwords_change_top_lists() -> None:
    a = art("The treaty and the guarantees of the treaty. The treaty is the point of the talks.")
    with_stop = ts.word_frequencies(a, 3)
    # the: 6, treaty: 3, of: 2
    assert with_stop["word"].tolist() == ["the", "treaty", "of"]
    assert with_stop["count"].tolist() == [6, 3, 2]
    # per 1,000 of 16 vocabulary tokens: 6/16*1000 = 375
    assert with_stop["per_1000"].iloc[0] == 375.0
    without = ts.word_frequencies(a, 2, exclude_stopwords=True)
    assert without["word"].tolist() == ["treaty", "guarantees"]
    assert without["sentence_id"].tolist() == [0, 0]


def test_stopword_list_is_own_and_loaded() -> None:
    stop = ts.load_stopwords()
    assert {"the", "of", "and", "it's", "won't"} <= stop
    assert "said" not in stop and "government" not in stop
    header = (Path(ts.LEXICON_DIR) / "stopwords_en.txt").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#")


def test_custom_stopwords(tmp_path) -> None:
    f = tmp_path / "stop.txt"
    f.write_text("# mine\ntreaty\n", encoding="utf-8")
    a = art("The treaty and the treaty and the talks.")
    top = ts.word_frequencies(a, 1, exclude_stopwords=True, stopwords_path=str(f))
    assert top["word"].tolist() == ["the"]
    with pytest.raises(FileNotFoundError):
        ts.load_stopwords(str(tmp_path / "missing.txt"))


def test_possessive_folding() -> None:
    a = art("Ukraine's army and Ukraine agreed. It's late.")
    counts = dict(zip(*[ts.word_frequencies(a, 0)[c] for c in ("word", "count")], strict=True))
    assert counts["ukraine"] == 2 and "it's" in counts  # contraction left alone
    counts = dict(
        zip(*[ts.word_frequencies(a, 0, strip_possessive=False)[c] for c in ("word", "count")], strict=True)
    )
    assert counts["ukraine's"] == 1


def test_ngrams_stay_inside_sentences_and_skip_numbers() -> None:
    a = art("Security guarantees matter. Guarantees matter in 2022 talks. Security guarantees remain.")
    bi = ts.ngram_frequencies(a, 2, 0, exclude_stopwords=False)
    grams = dict(zip(bi["ngram"], bi["count"], strict=True))
    assert grams["security guarantees"] == 2
    assert grams["guarantees matter"] == 2
    assert "matter guarantees" not in grams  # would cross a sentence boundary
    assert "in talks" not in grams and "in 2022" not in grams  # numbers break n-grams
    tri = ts.ngram_frequencies(a, 3, 0, exclude_stopwords=True)
    assert "guarantees matter in" not in set(tri["ngram"])  # ends in a stop word
    assert set(tri["ngram"]) >= {"security guarantees matter", "security guarantees remain"}


def test_collocations() -> None:
    text = " ".join(
        ["Security guarantees were discussed."] * 3 + ["Security was the issue.", "Guarantees were given."]
    )
    a = art(text)
    col = ts.collocations(a, min_freq=2)
    assert col["bigram"].iloc[0] == "security guarantees"
    assert col["count"].iloc[0] == 3
    # PMI = log2(P(w1 w2) / (P(w1) P(w2))) with NLTK's counts: N = 4*3 + 4 + 3 = 19 words,
    # security 4, guarantees 4, pair 3: log2(3*19 / (4*4)) = log2(3.5625) = 1.833
    assert col["pmi"].iloc[0] == pytest.approx(math.log2(3 * 19 / 16), abs=1e-3)
    assert ts.collocations(a, min_freq=4).empty  # frequency floor
    assert all(" the" not in b and "the " not in b for b in col["bigram"])


def test_collocations_match_nltk_from_documents(bundled) -> None:
    """Our pandas counts give the same scores as NLTK counting the sentences itself."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    t = ts.tokens(bundled)
    stop = ts.load_stopwords()
    docs = [
        ["<num>" if n else w for w, n in zip(g["norm"], g["is_number"], strict=True)]
        for _, g in t.groupby("sentence_id", sort=True)
    ]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_word_filter(lambda w: w == "<num>" or w in stop)
    finder.apply_freq_filter(2)
    expected = {
        f"{a} {b}": round(v, 3) for (a, b), v in finder.score_ngrams(BigramAssocMeasures().likelihood_ratio)
    }
    ours = ts.collocations(bundled, min_freq=2, top_n=0)
    assert dict(zip(ours["bigram"], ours["log_likelihood"], strict=True)) == pytest.approx(expected)


def test_bundled_frequencies(bundled) -> None:
    top = ts.word_frequencies(bundled, 5, exclude_stopwords=True)["word"].tolist()
    assert top[:2] == ["ukraine", "NATO"]
    bi = ts.ngram_frequencies(bundled, 2, 10)
    assert "security guarantees" in set(bi["ngram"])


# --------------------------------------------------------------------------- keyness


def test_g2_one_sample_by_hand_and_as_limit_of_dunning() -> None:
    # a = 3 of N = 100, p = .01 -> E = 1:
    # 2 * (3 ln 3 + 97 ln(97/99)) = 2 * (3.29584 - 1.97969) = 2.63230
    assert float(ts.g2_one_sample(3, 100, 0.01)) == pytest.approx(2.63235, abs=1e-4)

    def dunning(a: float, b: float, n: float, m: float) -> float:
        cells = [(a, n * (a + b) / (n + m)), (b, m * (a + b) / (n + m))]
        cells += [(n - a, n * (n + m - a - b) / (n + m)), (m - b, m * (n + m - a - b) / (n + m))]
        return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)

    # reference corpus of 10^10 tokens with the same share: the two-corpus G2 converges
    assert dunning(3, 0.01 * 1e10, 100, 1e10) == pytest.approx(2.63235, abs=1e-3)


def test_keyness_signs() -> None:
    text = (
        "Zebra herds cross the plain. The zebra herds graze. Zebra foals follow the herds. "
        "Herds of zebra move at dawn and the zebra rest at noon."
    )
    k = ts.keyness(art(text), min_count=2).set_index("word")
    # 5 + 4 + 5 + 12 = 26 tokens. zebra: 5 of 26, far above its share in English:
    # over-used, log ratio > 0
    assert k.loc["zebra", "direction"] == "over"
    assert k.loc["zebra", "log_ratio"] > 0 and k.loc["zebra", "g2"] > 0
    assert k.loc["zebra", "count"] == 5 and k.loc["zebra", "per_1000"] == pytest.approx(
        5 / 26 * 1000, abs=1e-2
    )
    # log ratio = log2((5/26) / p)
    p = k.loc["zebra", "ref_per_1000"] / 1000
    assert k.loc["zebra", "log_ratio"] == pytest.approx(math.log2(5 / 26 / p), abs=0.01)
    # "the": 4 of 26 = 154 per 1,000 against about 54 in English: also over-used here
    assert k.loc["the", "direction"] == "over"


def test_keyness_under_use_and_absent_words() -> None:
    # 60 words without "the" (about 54 per 1,000 in English: expected 3.2)
    text = " ".join(["Zebra herds cross open plains quickly."] * 10)
    k = ts.keyness(art(text), min_count=1, include_absent=20).set_index("word")
    assert k.loc["the", "count"] == 0
    assert k.loc["the", "direction"] == "under"
    assert k.loc["the", "g2"] < 0 and k.loc["the", "log_ratio"] < 0
    # a zero count is taken as 0.5 for the log ratio (Hardie 2014)
    p = k.loc["the", "ref_per_1000"] / 1000
    assert k.loc["the", "log_ratio"] == pytest.approx(math.log2(0.5 / 60 / p), abs=0.01)


def test_keyness_floor_and_min_count() -> None:
    a = art("Qwzxv qwzxv qwzxv appears. Qwzxv again.")
    k = ts.keyness(a, min_count=3).set_index("word")
    assert list(k.index) == ["qwzxv"]  # the only word seen 3+ times
    assert not k.loc["qwzxv", "in_reference"]
    assert k.loc["qwzxv", "ref_per_1000"] == pytest.approx(ts.REFERENCE_FLOOR * 1000)


def test_keyness_bundled(bundled) -> None:
    k = ts.keyness(bundled, min_count=3)
    assert {"word", "count", "per_1000", "ref_per_1000", "g2", "log_ratio", "direction"} <= set(k.columns)
    top = set(k[k["direction"] == "over"].head(5)["word"])
    assert "ukraine" in top and "NATO" in top
    assert (np.sign(k["g2"]) == np.sign(k["log_ratio"])).all()


# --------------------------------------------------------------------------- KWIC


def test_kwic_windows() -> None:
    a = art("One two three alpha four five six. Seven alpha eight.")
    k = ts.kwic(a, ["alpha"], window=2)
    assert k[["left", "match", "right"]].values.tolist() == [
        ["two three", "alpha", "four five"],
        # the context runs on across the sentence end inside the paragraph
        ["six. Seven", "alpha", "eight"],
    ]
    assert k["sentence_id"].tolist() == [0, 1]
    k0 = ts.kwic(a, ["alpha"], window=0)
    assert k0["left"].tolist() == ["", ""] and k0["right"].tolist() == ["", ""]
    with pytest.raises(ValueError):
        ts.kwic(a, ["alpha"], window=-1)


def test_kwic_wildcard_case_and_voice() -> None:
    a = art("Neutrality is hard. “We stay neutral,” he said. The Neutrals met nato officials.")
    k = ts.kwic(a, ["neutral*", "NATO"], window=3)
    assert k["match"].tolist() == ["Neutrality", "neutral", "Neutrals", "nato"]
    assert k["term"].tolist() == ["neutral*", "neutral*", "neutral*", "NATO"]
    assert k["voice"].tolist() == ["author", "quoted", "author", "author"]
    assert ts.kwic(a, ["missing"]).empty
    assert list(ts.kwic(a, []).columns)[:4] == ["article", "term", "sentence_id", "paragraph_id"]


# --------------------------------------------------------------------------- sentiment arc


def test_sentiment_arc() -> None:
    a = art("This is wonderful and great. This is terrible and awful. Nothing here.")
    arc = ts.sentiment_arc(a, window=3)
    assert arc["compound"].iloc[0] > 0.05 and arc["compound"].iloc[1] < -0.05
    assert arc["polarity"].tolist()[:2] == ["positive", "negative"]
    # centred rolling mean, shorter at the ends: row 1 = mean of rows 0-2
    assert arc["rolling_mean"].iloc[1] == pytest.approx(arc["compound"].mean(), abs=1e-4)
    assert arc["rolling_mean"].iloc[0] == pytest.approx(arc["compound"].iloc[:2].mean(), abs=1e-4)
    with pytest.raises(ValueError):
        ts.sentiment_arc(a, window=0)


# --------------------------------------------------------------------------- edge cases


def test_one_sentence_without_punctuation() -> None:
    a = art("just some words without any punctuation at all and it keeps going on and on without a stop")
    c = ts.counts(a)
    assert c["sentences"] == 1 and c["words"] == 18
    r = ts.readability_dict(a)
    assert all(math.isfinite(v) for v in r.values())
    d = ts.lexical_diversity_dict(a)
    assert math.isnan(d["hdd"])  # fewer than 42 words
    assert d["mattr"] == d["ttr"]  # shorter than the window
    assert len(ts.sentiment_arc(a)) == 1
    assert ts.collocations(a).empty
    s = ts.summary(a)
    assert set(s) == {"counts", "sentence_length", "readability", "lexical_diversity"}
    assert math.isnan(s["sentence_length"]["sd"])


def test_numbers_only() -> None:
    a = article_from_text("1991 2004 2014 and 2019 were years of change in the long history of the country")
    top = ts.word_frequencies(a, 2)
    # "of" and "the" both occur twice; ties are alphabetical; 12 vocabulary tokens
    # (and were years of change in the long history of the country)
    assert top["word"].tolist() == ["of", "the"] and top["count"].tolist() == [2, 2]
    assert top["per_1000"].iloc[0] == round(2 / 12 * 1000, 2)
    a = article_from_text(
        "Title line\n\n1991, 2004, 2014, 2019, 2022, 1996, 1998, 2001, 2003, 2005, 2007, 2009, 2011, 2013, 2015, 2017."
    )
    assert ts.counts(a)["vocabulary_tokens"] == 0
    assert ts.word_frequencies(a, 5).empty and ts.keyness(a).empty
    assert math.isnan(ts.lexical_diversity_dict(a)["ttr"])
    assert ts.diversity_curve(a).empty


def test_bad_parameters() -> None:
    with pytest.raises(ValueError):
        ts.mattr(["a"], 0)
    with pytest.raises(ValueError):
        ts.mtld(["a"], 1.5)
    with pytest.raises(ValueError):
        ts.collocations(art(CAT), measure="dice")
    with pytest.raises(ValueError):
        ts.difficult_word_list(art(CAT), "rare")


def test_tables_carry_evidence_and_article(bundled) -> None:
    for df in (
        ts.word_frequencies(bundled, 5),
        ts.ngram_frequencies(bundled, 2, 5),
        ts.collocations(bundled),
        ts.keyness(bundled),
        ts.kwic(bundled),
        ts.sentence_lengths(bundled),
        ts.sentiment_arc(bundled),
        ts.difficult_word_list(bundled),
    ):
        assert {"sentence_id", "sentence", "article"} <= set(df.columns)
        assert (df["article"] == bundled.slug).all()


def test_compare_two_articles(bundled) -> None:
    other = art(CAT)
    df = ts.compare([bundled, other])
    assert df["article"].tolist() == [bundled.slug, other.slug]
    assert set(ts.READABILITY_KEYS) <= set(df.columns)
    assert df.loc[1, "words"] == 11


def test_linear_helpers_scale() -> None:
    """MATTR on a long random sequence equals its recount on a slice (no shortcut errors)."""
    rng = np.random.default_rng(0)
    seq = [f"w{i}" for i in rng.integers(0, 300, 5000)]
    fast = ts.mattr(seq, 50)
    brute = np.mean([len(set(seq[i : i + 50])) / 50 for i in range(0, len(seq) - 49)])
    assert fast == pytest.approx(brute)


# --------------------------------------------------------------------------- notebook


@pytest.mark.notebook
def test_notebook_runs(tmp_path) -> None:
    import papermill as pm

    other = tmp_path / "other.txt"
    other.write_text(
        "A second article\n\nThe talks went on for hours. Both sides said the guarantees were not enough. "
        "NATO was not mentioned by name, but neutrality was.\n\nOfficials will meet again next week.",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    pm.execute_notebook(
        str(notebook_path("01_text_statistics")),
        str(tmp_path / "01.ipynb"),
        parameters={
            "output_dir": str(out),
            "article_path": str(DEFAULT_ARTICLE),
            "compare_paths": [str(other)],
            "kwic_terms": ["neutral*"],
        },
        kernel_name="python3",
        cwd=str(notebook_path("01_text_statistics").parent),
        progress_bar=False,
    )
    data = json.loads((out / "results" / "text_statistics.json").read_text(encoding="utf-8"))
    assert {"paragraphs", "sentences", "words", "types", "characters", "syllables"} <= set(data["counts"])
    assert set(data["readability"]) >= set(ts.READABILITY_KEYS)
    assert set(data["lexical_diversity"]) >= {"ttr", "mattr", "mtld", "hdd"}
    assert data["excluded_lines"] and {"text", "reason"} <= set(data["excluded_lines"][0])
    bundled = load_article(DEFAULT_ARTICLE)
    assert data["counts"]["words"] == ts.counts(bundled)["words"]
    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"text_statistics_readability", "text_statistics_keyness", "text_statistics_kwic"} <= tables
    kwic = pd.read_csv(out / "tables" / "text_statistics_kwic.csv")
    assert set(kwic["term"]) == {"neutral*"}
    compare = pd.read_csv(out / "tables" / "text_statistics_compare.csv")
    assert len(compare) == 2

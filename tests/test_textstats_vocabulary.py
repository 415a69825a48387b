"""Text statistics of vocabulary: diversity, frequencies, n-grams, collocations, keyness.

Expected values are worked out by hand in the comments; dictionary measures (stop words,
the wordfreq reference) are tested with minimal pairs: one word changed, and the measure
moves the way it should.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest

from research_utils import article_from_text, load_article
from research_utils.analyses import textstats as ts
from research_utils.paths import DEFAULT_ARTICLE, LEXICON_DIR


def art(*paragraphs: str):
    """A small article: a title line, then the paragraphs (no deck detection)."""
    return article_from_text("Test title\n\n" + "\n\n".join(paragraphs), meta={"deck": ""})


def diversity(x) -> dict[str, float]:
    return ts.lexical_diversity_dict(x)


@pytest.fixture(scope="module")
def bundled():
    return load_article(DEFAULT_ARTICLE)


# --------------------------------------------------------------------------- diversity


def test_ttr() -> None:
    assert ts.ttr(["a", "b", "a", "c"]) == 0.75  # 3 types / 4 tokens
    assert ts.ttr(np.array([5, 7, 5])) == pytest.approx(2 / 3)
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
    for _ in range(30):
        seq = [rng.choice("abcdefg") for _ in range(rng.randint(5, 60))]
        w = rng.randint(1, 8)
        windows = [len(set(seq[i : i + w])) / w for i in range(len(seq) - w + 1)]
        expected = np.mean(windows) if len(seq) > w else len(set(seq)) / len(seq)
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


def test_mtld_equals_a_plain_recount() -> None:
    """The pass that never clears a set gives the textbook count on random texts."""

    def textbook(seq: list[str], threshold: float = 0.72) -> float:
        def one_pass(s: list[str]) -> float:
            factors, seen, count = 0.0, set(), 0
            for t in s:
                count += 1
                seen.add(t)
                if len(seen) / count <= threshold:
                    factors, seen, count = factors + 1, set(), 0
            if count:
                factors += (1 - len(seen) / count) / (1 - threshold)
            return len(s) / factors if factors else math.nan

        return (one_pass(seq) + one_pass(seq[::-1])) / 2

    rng = random.Random(11)
    for _ in range(30):
        seq = [rng.choice("abcdefghij") for _ in range(rng.randint(10, 200))]
        assert ts.mtld(seq) == pytest.approx(textbook(seq))


def test_hdd_by_hand() -> None:
    # a a b c, sample 2. P(a in a draw of 2) = 1 - C(2,2)/C(4,2) = 1 - 1/6 = 5/6;
    # b and c: 1 - C(3,2)/C(4,2) = 1 - 3/6 = 1/2. (5/6 + 1/2 + 1/2)/2 = 11/12.
    assert ts.hdd(list("aabc"), sample=2) == pytest.approx(11 / 12)
    # one type only: it is always drawn: 1/2
    assert ts.hdd(list("aaa"), sample=2) == pytest.approx(0.5)
    # all distinct: every type is drawn with probability 2/4: 4 * 0.5 / 2 = 1
    assert ts.hdd(list("abcd"), sample=2) == pytest.approx(1.0)
    assert math.isnan(ts.hdd(list("abc"), sample=42))


def test_diversity_of_a_document_by_hand() -> None:
    # vocabulary (numbers out, case-folded): the cat saw the dog the = 6 tokens, 4 types
    a = art("The cat saw 3 dogs. The dog.")
    d = ts.lexical_diversity(a, mattr_window=3, hdd_sample=2).set_index("key")
    # tokens: the cat saw dogs the dog -> 6 tokens, types the cat saw dogs dog = 5
    assert d.loc["ttr", "value"] == pytest.approx(5 / 6)
    assert d.loc["ttr", "parameters"] == "types=5; tokens=6"
    # windows of 3: (the cat saw) 3, (cat saw dogs) 3, (saw dogs the) 3, (dogs the dog) 3 -> 1.0
    assert d.loc["mattr", "value"] == pytest.approx(1.0)
    # sample 2 of 6: "the" (c=2): 1 - C(4,2)/C(6,2) = 1 - 6/15 = 0.6; four singletons: 1 - C(5,2)/15 = 1/3
    assert d.loc["hdd", "value"] == pytest.approx((0.6 + 4 / 3) / 2)


def test_ttr_falls_with_length_mattr_does_not(bundled) -> None:
    curve = ts.diversity_curve(bundled)
    assert curve["tokens"].iloc[-1] == 2056  # every vocabulary token (words minus 9 numbers)
    assert curve["ttr"].iloc[0] - curve["ttr"].iloc[-1] > 0.2
    assert abs(curve["mattr"].iloc[0] - curve["mattr"].iloc[-1]) < 0.1
    d = diversity(bundled)
    # the full-text point of the curve is the table's TTR and MATTR
    assert curve["ttr"].iloc[-1] == pytest.approx(d["ttr"])
    assert curve["mattr"].iloc[-1] == pytest.approx(d["mattr"])
    assert (round(d["ttr"], 4), round(d["mattr"], 4), round(d["mtld"], 2), round(d["hdd"], 4)) == (
        0.3575,
        0.8326,
        112.29,
        0.8547,
    )


def test_diversity_curve_matches_prefix_recount() -> None:
    """Each point equals TTR and MATTR measured afresh on the opening stretch."""
    rng = random.Random(5)
    words = " ".join(
        rng.choice(["alpha", "beta", "gamma", "delta", "omega", "sigma", "tau"]) for _ in range(400)
    )
    a = art(words + ".")
    curve = ts.diversity_curve(a, mattr_window=20, points=7)
    vocab = words.split()
    for m, t, mt in zip(curve["tokens"], curve["ttr"], curve["mattr"], strict=True):
        assert t == pytest.approx(ts.ttr(vocab[:m]))
        assert mt == pytest.approx(ts.mattr(vocab[:m], 20))


def test_mattr_long_sequence_equals_recount() -> None:
    rng = np.random.default_rng(0)
    seq = [f"w{i}" for i in rng.integers(0, 300, 5000)]
    brute = np.mean([len(set(seq[i : i + 50])) / 50 for i in range(0, len(seq) - 49)])
    assert ts.mattr(seq, 50) == pytest.approx(brute)


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
    assert without["sentence"].iloc[0] == "The treaty and the guarantees of the treaty."


def test_stopword_minimal_pair() -> None:
    """A content word swapped for a function word leaves the list without stop words."""
    content = art("Talks treaty talks.")
    function = art("Talks these talks.")
    assert ts.word_frequencies(content, 0, exclude_stopwords=True)["word"].tolist() == ["talks", "treaty"]
    assert ts.word_frequencies(function, 0, exclude_stopwords=True)["word"].tolist() == ["talks"]


def test_stopword_list_is_own_and_loaded() -> None:
    stop = ts.load_stopwords()
    assert {"the", "of", "and", "it's", "won't"} <= stop
    assert "said" not in stop and "government" not in stop
    header = (Path(LEXICON_DIR) / "stopwords_en.txt").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#")


def test_custom_stopwords(tmp_path) -> None:
    f = tmp_path / "stop.txt"
    f.write_text("# mine\ntreaty\n", encoding="utf-8")
    a = art("The treaty and the treaty and the talks.")
    top = ts.word_frequencies(a, 1, exclude_stopwords=True, stopwords_path=str(f))
    assert top["word"].tolist() == ["the"]
    # the bundled list on the same document is still the bundled one (kept apart on the document)
    assert ts.word_frequencies(a, 1, exclude_stopwords=True)["word"].tolist() == ["treaty"]
    with pytest.raises(FileNotFoundError):
        ts.word_frequencies(a, stopwords_path=str(tmp_path / "missing.txt"))


def test_acronyms_keep_capitals() -> None:
    a = art("The US told us to wait. NATO and the EU agreed.")
    words = set(ts.word_frequencies(a, 0)["word"])
    assert {"US", "us", "NATO", "EU"} <= words
    assert "US" in set(ts.word_frequencies(a, 0, exclude_stopwords=True)["word"])
    assert "us" not in set(ts.word_frequencies(a, 0, exclude_stopwords=True)["word"])


def test_possessive_folding() -> None:
    a = art("Ukraine's army and Ukraine agreed. It's late.")
    counts = dict(zip(*[ts.word_frequencies(a, 0)[c] for c in ("word", "count")], strict=True))
    assert counts["ukraine"] == 2 and "it's" in counts  # contraction left alone
    counts = dict(
        zip(*[ts.word_frequencies(a, 0, strip_possessive=False)[c] for c in ("word", "count")], strict=True)
    )
    assert counts["ukraine's"] == 1 and counts["ukraine"] == 1


def test_ties_alphabetical_ignoring_case() -> None:
    a = art("Zeta beta Alpha gamma zeta Beta alpha.")
    top = ts.word_frequencies(a, 0)
    # each of alpha, beta, zeta twice, gamma once
    assert top["word"].tolist() == ["alpha", "beta", "zeta", "gamma"]
    assert top["rank"].tolist() == [1, 2, 3, 4]
    # top_n cut inside a tie keeps the alphabetical first
    assert ts.word_frequencies(a, 2)["word"].tolist() == ["alpha", "beta"]


def test_ngrams_stay_inside_sentences_and_skip_numbers() -> None:
    a = art("Security guarantees matter. Guarantees matter in 2022 talks. Security guarantees remain.")
    bi = ts.ngram_frequencies(a, 2, 0, exclude_stopwords=False)
    grams = dict(zip(bi["ngram"], bi["count"], strict=True))
    assert grams == {
        "security guarantees": 2,
        "guarantees matter": 2,
        "matter in": 1,
        "guarantees remain": 1,
    }  # never across a sentence end (matter guarantees) or a number (in 2022, in talks)
    # per 1,000 of 3 + 4 + 3 = 10 vocabulary tokens (2022 left out): 2/10*1000 = 200
    assert bi.set_index("ngram").loc["security guarantees", "per_1000"] == 200.0
    tri = ts.ngram_frequencies(a, 3, 0, exclude_stopwords=True)
    assert set(tri["ngram"]) == {"security guarantees matter", "security guarantees remain"}
    assert ts.ngram_frequencies(a, 2, 0, exclude_stopwords=False, min_count=2)["ngram"].tolist() == [
        "guarantees matter",
        "security guarantees",
    ]
    with pytest.raises(ValueError):
        ts.ngram_frequencies(a, 0)


def test_bundled_frequencies(bundled) -> None:
    top = ts.word_frequencies(bundled, 5, exclude_stopwords=True)
    assert top["word"].tolist()[:2] == ["ukraine", "NATO"]
    bi = ts.ngram_frequencies(bundled, 2, 10)
    assert "security guarantees" in set(bi["ngram"])


# --------------------------------------------------------------------------- collocations


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
    with pytest.raises(ValueError):
        ts.collocations(a, measure="dice")


def test_collocations_match_nltk_from_documents(bundled) -> None:
    """Our numpy counts and scores equal NLTK counting the sentences itself."""
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
    bam = BigramAssocMeasures()
    for measure, fn in (("log_likelihood", bam.likelihood_ratio), ("pmi", bam.pmi)):
        expected = {f"{a} {b}": round(v, 3) for (a, b), v in finder.score_ngrams(fn)}
        ours = ts.collocations(bundled, measure, min_freq=2, top_n=0)
        assert dict(zip(ours["bigram"], ours[measure], strict=True)) == pytest.approx(expected)
        # NLTK's ranking (score, then the pair) is ours wherever the scores differ
        assert ours[measure].is_monotonic_decreasing


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
    # 5 + 4 + 5 + 12 = 26 tokens. zebra: 5 of 26, far above its share in English: over-used
    assert k.loc["zebra", "direction"] == "over"
    assert k.loc["zebra", "count"] == 5
    assert k.loc["zebra", "per_1000"] == pytest.approx(5 / 26 * 1000, abs=1e-2)
    p = k.loc["zebra", "ref_per_1000"] / 1000
    assert k.loc["zebra", "log_ratio"] == pytest.approx(math.log2(5 / 26 / p), abs=1e-3)
    assert k.loc["zebra", "g2"] == pytest.approx(float(ts.g2_one_sample(5, 26, p)), abs=1e-3)
    # "the": 4 of 26 = 154 per 1,000 against about 54 in English: also over-used here
    assert k.loc["the", "direction"] == "over"


def test_keyness_minimal_pair() -> None:
    """One common word replaced by a rare one: the rare word becomes key, the common one drops out."""
    base = "The talks went on. The talks went on. The talks went on."
    common, rare = art(base + " The talks went on."), art(base + " The talks went Qwzxv.")
    k1 = ts.keyness(common, min_count=1).set_index("word")
    k2 = ts.keyness(rare, min_count=1).set_index("word")
    assert "qwzxv" not in k1.index and k2.loc["qwzxv", "direction"] == "over"
    assert k2.loc["on", "count"] == k1.loc["on", "count"] - 1
    assert k2.loc["on", "g2"] < k1.loc["on", "g2"]  # one fewer 'on': less over-used


def test_keyness_under_use_and_absent_words() -> None:
    # 60 words without "the" (about 54 per 1,000 in English: expected 3.2)
    text = " ".join(["Zebra herds cross open plains quickly."] * 10)
    k = ts.keyness(art(text), min_count=1, include_absent=20).set_index("word")
    assert k.loc["the", "count"] == 0
    assert k.loc["the", "direction"] == "under"
    assert k.loc["the", "g2"] < 0 and k.loc["the", "log_ratio"] < 0
    assert k.loc["the", "sentence"] == "" and k["sentence_id"].isna().sum() == (k["count"] == 0).sum()
    # a zero count is taken as 0.5 for the log ratio (Hardie 2014)
    p = k.loc["the", "ref_per_1000"] / 1000
    assert k.loc["the", "log_ratio"] == pytest.approx(math.log2(0.5 / 60 / p), abs=0.01)
    under = ts.key_words(k.reset_index(), "under", 3)
    assert under["direction"].eq("under").all() and len(under) == 3
    assert under["g2"].tolist() == sorted(under["g2"].tolist())  # most negative first


def test_keyness_floor_and_min_count() -> None:
    a = art("Qwzxv qwzxv qwzxv appears. Qwzxv again.")
    k = ts.keyness(a, min_count=3).set_index("word")
    assert list(k.index) == ["qwzxv"]  # the only word seen 3+ times
    assert not k.loc["qwzxv", "in_reference"]
    assert k.loc["qwzxv", "ref_per_1000"] == pytest.approx(ts.REFERENCE_FLOOR * 1000)


def test_keyness_bundled(bundled) -> None:
    k = ts.keyness(bundled, min_count=3)
    top = ts.key_words(k, "over", 5)["word"].tolist()
    assert "ukraine" in top and "NATO" in top
    assert (np.sign(k["g2"]) == np.sign(k["log_ratio"])).all()
    assert k["g2"].abs().is_monotonic_decreasing
    with pytest.raises(ValueError):
        ts.key_words(k, "sideways")


# --------------------------------------------------------------------------- numbers only


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
    assert int(ts.counts(a)["vocabulary_tokens"].iloc[0]) == 0
    assert ts.word_frequencies(a, 5).empty and ts.keyness(a).empty
    assert ts.ngram_frequencies(a, 2).empty and ts.collocations(a).empty
    assert math.isnan(diversity(a)["ttr"])
    assert ts.diversity_curve(a).empty

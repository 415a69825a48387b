"""Property-based tests: ingestion and tokenisation never crash and stay consistent."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_utils.ingest import ArticleError, article_from_text, sentences, split_sentences, words
from research_utils.ingest.repair import repair_text
from research_utils.ingest.sentences import sentence_spans

# Text that looks like prose: words, sentence marks, quotes, abbreviations, digits, spaces.
PIECES = st.sampled_from(
    [
        "Russia",
        "Kyiv",
        "said",
        "the",
        "U.S.",
        "Mr.",
        "e.g.",
        "3.5",
        "No.",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "(",
        ")",
        ".",
        "!",
        "?",
        "…",
        "...",
        ",",
        " ",
        " ",
        " ",
        "\n",
        "\u00a0",
        "-",
        "—",
        "non-aligned",
        "isn’t",
        "A",
        "J.",
    ]
)
PROSE = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=300)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(ANY_TEXT, PROSE))
def test_repair_and_split_never_crash(text: str) -> None:
    repaired, counts = repair_text(text)
    assert isinstance(repaired, str) and all(v > 0 for v in counts.values())
    for sent in split_sentences(repaired):
        assert sent and sent == sent.strip()


@FAST
@given(st.one_of(ANY_TEXT, PROSE))
def test_article_from_text_builds_or_says_why(text: str) -> None:
    try:
        a = article_from_text(text)
    except ArticleError as exc:
        assert "\n" not in str(exc)
        return
    assert a.paragraphs
    table = sentences(a)
    assert list(table.sentence_id) == list(range(len(table)))


@FAST
@given(PROSE)
def test_sentences_rejoin_to_the_paragraph(text: str) -> None:
    line = repair_text(text.replace("\n", " "))[0]
    sents = split_sentences(line)
    assert re.sub(r"\s+", "", "".join(sents)) == re.sub(r"\s+", "", line)
    for (start, end), sent in zip(sentence_spans(line), sents, strict=True):
        assert line[start:end] == sent


@FAST
@given(PROSE)
def test_word_counts_agree_across_functions(text: str) -> None:
    line = repair_text(text.replace("\n", " "))[0]
    assert sum(len(words(s)) for s in split_sentences(line)) == len(words(line))


# The fast paths below must give exactly what the plain definitions give.

UNICODE_PIECES = st.sampled_from(
    [
        "Kyiv",
        "U.S.",
        "3.5",
        "24th",
        "1,000",
        "don’t",
        "don't",
        "non-aligned",
        "non‐bloc",
        "é",
        "É",
        "٣",
        "²",
        "Ⅻ",
        "ſ",
        "_",
        "%",
        ".",
        ",",
        ":",
        "-",
        "—",
        "“",
        "”",
        "‘",
        "’",
        "'",
        " ",
        "\u00a0",
        "\t",
        "x",
    ]
)
SENTENCE = st.one_of(st.lists(UNICODE_PIECES, max_size=25).map("".join), st.text(max_size=40)).map(
    lambda s: s.replace("\n", " ").replace("\r", " ")
)


@FAST
@given(st.lists(SENTENCE, max_size=6))
def test_tokens_of_joined_sentences_are_tokens_of_each(sents: list[str]) -> None:
    from research_utils.ingest.tokens import tokenise_sentences as _tokenise_joined
    from research_utils.ingest.tokens import word_spans

    toks, starts, ends, index = _tokenise_joined(sents)
    expected = [(i, a, b, t) for i, s in enumerate(sents) for a, b, t in word_spans(s)]
    assert list(zip(index.tolist(), starts.tolist(), ends.tolist(), toks, strict=True)) == expected


@FAST
@given(
    st.lists(
        st.sampled_from(["neutral*", "NATO", "Kiev", "security guarantee*", "won", "it's", "non-bloc"]),
        min_size=1,
        max_size=5,
    ),
    st.lists(
        st.sampled_from(
            [
                "Neutrality",
                "nato",
                "NATO's",
                "Kiev’s",
                "won't",
                "won",
                "security  guarantees",
                "non‐bloc",
                "pro-Kiev",
                " ",
                ".",
                "its",
                "it's",
            ]
        ),
        max_size=20,
    ).map(" ".join),
)
def test_grouped_term_pattern_matches_one_alternative_per_term(terms: list[str], text: str) -> None:
    from research_utils.lexicons.matcher import _term_regex, compile_terms

    cleaned = sorted({t.strip() for t in terms}, key=len, reverse=True)
    plain = re.compile("|".join(_term_regex(t) for t in cleaned), re.IGNORECASE)
    grouped = compile_terms(cleaned)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    plain_cs = re.compile("|".join(_term_regex(t) for t in cleaned))
    grouped_cs = compile_terms(cleaned, case_sensitive=True)
    assert [m.span() for m in grouped_cs.finditer(text)] == [m.span() for m in plain_cs.finditer(text)]


@FAST
@given(st.text(alphabet=".!?:;…'\"”’)]([ ab\t", max_size=12))
def test_ends_sentence_is_the_end_punctuation_pattern(text: str) -> None:
    from research_utils.ingest.lines import _END_PUNCT
    from research_utils.ingest.lines import ends_sentence as _ends_sentence

    assert _ends_sentence(text) == bool(_END_PUNCT.search(text))


# The repairs as first written (one regex each, look-behind first, every text scanned).
_PLAIN_REPAIRS = (
    ("non-breaking or special space", r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " "),
    ("invisible character removed", r"[\u200b-\u200d\u2060\ufeff\u00ad]", ""),
    ("low or guillemet quote made curly", r"[„«]", "“"),
    ("guillemet closing quote made curly", r"»", "”"),
    ("reversed quote made curly", r"‟", "“"),
    ("prime or grave used as apostrophe", r"(?<=\w)[`´′](?=\w)", "’"),
    ("spaced hyphen made a dash", r"(?<=\S) (?:-{1,2}|[‒–—―]) (?=\S)", " — "),
    ("double hyphen made a dash", r"(?<=\w)--(?=\w)", "—"),
    ("closing quote glued to next word", r"”(?=[^\W\d_])", "” "),
    ("straight closing quote glued to next word", r"(?<=[.,!?])\"(?=[^\W\d_])", '" '),
    ("repeated spaces", r"[ \t]{2,}", " "),
)

_REPAIR_CHARS = "ab Z9 .,!?-—–‒―`´′\"'“”‘’„«»‟\t\n\r\u00a0\u2003\u200b\u00ad\ufeffé"
REPAIR_TEXT = st.lists(st.sampled_from([*_REPAIR_CHARS, "--", "  ", " - "]), max_size=40).map("".join)


@FAST
@given(st.one_of(REPAIR_TEXT, ANY_TEXT))
def test_repairs_match_the_plain_patterns(text: str) -> None:
    import unicodedata

    from research_utils.ingest.repair import _straight_quotes, repair_text

    counts: dict[str, int] = {}
    plain = unicodedata.normalize("NFC", text)
    if plain != text:
        counts["Unicode normalised (NFC)"] = 1
    if plain.count("\r"):
        counts["Windows or old Mac line ending"] = plain.count("\r")
        plain = plain.replace("\r\n", "\n").replace("\r", "\n")
    plain, n = _straight_quotes(plain)
    if n:
        counts["straight double quote made curly"] = n
    for name, pattern, repl in _PLAIN_REPAIRS:
        plain, n = re.subn(pattern, repl, plain)
        if n:
            counts[name] = counts.get(name, 0) + n
    plain = "\n".join(line.strip() for line in plain.split("\n"))
    assert repair_text(text) == (plain, counts)

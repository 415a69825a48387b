"""The clause after a reporting verb without "that": "said Tuesday's talks would ...",
"claims its leader got ...", "said support for his country from its allies is ...".

:func:`zero_that_clause` decides whether the words after a verb open a clause of their
own: a subject, then a finite verb within 30 words. The word lists below are what may
open such a subject and what counts as a finite verb; the tokens and verb lists are also
used by :mod:`~.indirect` for relative clauses ("a hospital that Kyiv says killed ...").
"""

from __future__ import annotations

import re

from research_utils.analyses.stance.text import WEEKDAYS, WEEKDAYS_PATTERN

__all__ = ["AUX_WORDS", "IRREGULAR_PAST", "TIME_WORDS", "TOKENS", "zero_that_clause"]

TIME_WORDS = frozenset(day.lower() for day in WEEKDAYS) | frozenset(
    """today yesterday tonight earlier later again also repeatedly previously recently publicly
    separately last this""".split()
)


_NOUN_PREPOSITIONS = frozenset("for of from in on to with over between among against".split())
"""Prepositions after a bare noun that may open a subject: "support for ...", "talks on ..."."""


AUX_WORDS = frozenset(
    form
    for w in """is are was were will would can could may might must should shall has had have did does do
    won't wouldn't isn't wasn't aren't weren't can't couldn't didn't doesn't hasn't haven't hadn't
    shouldn't mustn't""".split()
    for form in (w, w.replace("'", "’"))
)
"""Auxiliaries that open a clause's verb group, contractions with either apostrophe ("won’t")."""


IRREGULAR_PAST = frozenset(
    """made took gave got went came saw knew thought found told became began brought built bought
    caught chose drew drove fell felt fought forgot froze grew heard held hid hit hurt kept laid led
    left lent let lost meant met paid put ran rang rose said sent set shook shot shut sank sat slept
    spent spoke spread stood stole struck stuck swore swept took taught tore threw understood woke
    wore won wrote fled bled died used owed lied""".split()
)
"""Finite past forms without -ed, or too short to tell by it: "The MDC claims its leader got 50.3
per cent", "Police said two people died"."""


_SUBJECT_START = frozenset(
    """it he she they we i you there this these those the a an his her their its our my your some no
    any all both each every many most several one two three four five six seven eight nine ten""".split()
)


_NOT_SUBJECT = frozenset(
    """goodbye nothing something anything everything yes no hello sorry thanks in on at during after
    before from for with by about of to as when while if because since though ahead instead prior due
    regardless apart aside along out up down back together""".split()
)


_PERSONAL_SUBJECTS = frozenset("it he she they we i you".split())


_NOT_VERB_AFTER_PRONOUN = frozenset(
    "all again out off up down back now then here there so too as once twice aloud loud and or but".split()
)
"""Words after "said it" that end a short object, not open a clause ("said it all", "said it again")."""


_COORDINATORS = frozenset("and or but nor then".split())


TOKENS = re.compile(r"[“”\"‘]?[\w’'.-]+|[,;:.!?—–()]")


_PRESENT_OBJECT_START = frozenset("to that a an the it its their his her this these no".split())
"""Words after a present-tense verb in -s that tell it from a plural noun ("the company hopes
to", "the ministry expects a"; not "the company talks" at a sentence end)."""


_SUBJECT_CONTRACTIONS = frozenset(
    "he's she's it's they're we're i'm you're he'd she'd they'd we'd i'd he'll she'll it'll they'll we'll i'll "
    "there's".split()
)


_QUANTIFIER_START = frozenset("up more nearly almost around roughly about over at fewer less only".split())


_LEADING_TIME = re.compile(
    rf"\s*(?:on\s+)?(?:{WEEKDAYS_PATTERN}|today|yesterday|tonight"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend))\s+(?=[\w“\"‘])"
)
"""A time adverbial right after the verb, before the clause's subject: "said Friday it hopes"."""


def zero_that_clause(rest: str, verb_forms: frozenset[str] = frozenset()) -> bool:
    """Whether ``rest`` (the words after a reporting verb) opens a clause without "that":
    a subject (pronoun, determiner, possessive, capitalised name or an amount, asides set
    off by commas allowed: "the Glasgow deal, even with the weaker wording, sounded ...")
    and then a finite verb within 30 words ("said Tuesday's talks would", "claims its
    leader got", "said China's position is", "said up to 13,000 jobs might"), with no
    other reporting verb (``verb_forms``) and at most three commas before it. A finite
    verb right after "and"/"or" coordinates with the reporting verb instead ("announced
    its tally and claimed"); "said goodbye", "said in a statement" open no clause."""
    if time := _LEADING_TIME.match(rest):
        rest = rest[time.end() :]  # "said Friday it hopes ...", "said on Tuesday they would"
    toks = TOKENS.findall(rest[:600])
    if not toks:
        return False
    first = toks[0].strip('“”"‘')
    low = first.lower()
    if not first:
        return False
    if low.replace("’", "'") in _SUBJECT_CONTRACTIONS:
        return True  # "says he's increasingly confident ...": a subject and its verb in one word
    amount = low in _QUANTIFIER_START and any(t[:1].isdigit() for t in toks[1:4])
    bare = [t.lower() for t in toks[:4]]
    if (
        first[:1].islower()
        and low not in _SUBJECT_START
        and low not in _NOT_SUBJECT
        and any(t in AUX_WORDS for t in bare[1:4])
        and not any(t in (",", ";", ":", ".") for t in bare)
    ):
        return True  # a bare plural or mass noun: "said policymakers had", "said staff were"
    no_noun = low == "no" and len(toks) > 1 and toks[1][:1].islower() and toks[1].lower() not in _NOT_SUBJECT
    # a bare noun with a prepositional phrase: "said support for his country from its allies is"
    bare_phrase = (
        first[:1].islower()
        and low not in _NOT_SUBJECT
        and low not in TIME_WORDS
        and not low.endswith("ly")
        and len(toks) > 2
        and toks[1].lower() in _NOUN_PREPOSITIONS
        and toks[2][:1].isalpha()
    )
    if (
        not amount
        and not no_noun
        and not bare_phrase
        and (  # "said no progress was made"; not "said no to the plan"
            low in _NOT_SUBJECT
            or not (
                low in _SUBJECT_START
                or first[:1].isupper()
                or first[:1].isdigit()
                or low.endswith(("’s", "'s"))  # "said yesterday’s call to lift the rate was"
                or (low in ("next", "last") and len(toks) > 1 and toks[1].endswith(("’s", "'s")))
            )
        )
    ):
        return False
    words_seen = 0
    commas = 0
    prev = low
    prev_cap = False
    for j, tok in enumerate(toks[1:], 1):
        t = tok.strip('“”"‘').lower().rstrip(".")  # a verb that ends the sentence: "said two people died."
        if tok in (";", ":", ".", "!", "?"):
            return False
        if tok in (",", "—", "–", "(", ")"):
            commas += tok == ","
            if commas > 3:
                return False
            prev, prev_cap = tok, False
            continue
        words_seen += 1
        # another frame before any verb: "..., Commission President X told ...", "he said"
        framed = (
            t in verb_forms
            and tok.strip('“”"‘')[:1].islower()  # "the Glackin Report": a name, not a verb
            and (prev_cap or prev in ("he", "she", "they", "it", "we", "i"))
        )
        if (
            words_seen == 1
            and low in _PERSONAL_SUBJECTS
            and tok.isalpha()
            and tok.islower()
            and t not in _NOT_SUBJECT
            and t not in _NOT_VERB_AFTER_PRONOUN
            and not t.endswith("ly")
        ):
            return True  # a personal pronoun and its verb: "signalled it wants", "said they hope"
        if framed and words_seen == 1 and prev == low:
            return True  # the clause's own subject and verb: "said it hopes ...", "said Kyiv wants ..."
        if words_seen > 30 or framed:
            return False
        finite = t in AUX_WORDS or t in IRREGULAR_PAST or (t.endswith("ed") and len(t) > 4)
        nxt = toks[j + 1].lower() if j + 1 < len(toks) else ""
        finite = finite or (  # "said the company hopes to ...", "said the bank expects a ..."
            t.endswith("s")
            and not t.endswith(("ss", "'s", "’s"))
            and len(t) > 3
            and tok.islower()
            and prev.isalpha()
            and prev not in _SUBJECT_START
            and prev not in ("that", "which", "who", "whom", "whose", "where", "when")  # a relative clause
            and not prev.endswith("s")
            and (nxt in _PRESENT_OBJECT_START or nxt.endswith(("’s", "'s")))  # "remains Russia’s demand"
        )
        if finite:
            return prev not in _COORDINATORS and prev != "to"
        prev, prev_cap = t, tok.strip('“”"‘')[:1].isupper()
    return False

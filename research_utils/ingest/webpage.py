"""The furniture of web page templates, one line at a time: what a site prints around every story.

What. Saved or scraped pages carry the controls and notices of the site's template, not
of the article: accessibility skip links ("Skip to main content"), article age notices
("This article is more than N months old"), audio players ("Press play to listen to this
article", "Voiced by …"), share and copy-link widgets ("Share this article", "Copy to
clipboard"), bars of link labels ("Tips | Subscribe | Read online"), bylines with
roles ("Written by … | Edited by …"), push-notification prompts, follow / channel appeals
("follow our Google News channel"), newsletter self-descriptions, the heads of appeal boxes
("A message from …:", "Dear readers,"), reader-views boxes ("Your views", "Send us your
views") and free-trial offers, and photo captions whose credit ends the line ("… [AFP]",
"… 2022. Agency/Name via AGENCY", "… Photo:" with the credit cut off). :func:`webpage_reason`
says in one line which kind a line is ('' when none);
:func:`research_utils.ingest.furniture.furniture_reason` asks it after its own rules.

How. Each kind is one :class:`_Kind`: trigger words (a line without any of them is not
searched), a word limit (template lines are short; a body paragraph that merely uses the
words is long or ends differently), and a pattern anchored to the shape of the control,
not to any site's wording. Captions with a credit at the end are checked without a
regular expression: the part after the last sentence is a credit when it is a few
capitalised words joined by "/" or "via".

Weaknesses. English, except the few words of free-trial offers and "more stories from"
markers that sites show in their readers' language. A body line that is itself a short
appeal ("Follow our channel for updates" quoted in a story about a campaign) is set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WEB_KINDS", "credit_tail", "webpage_reason"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class _Kind:
    """One kind of template furniture: its reason, trigger words, word limit and pattern."""

    reason: str
    triggers: tuple[str, ...]
    max_words: int
    pattern: re.Pattern[str]


_PLATFORMS = r"(?:google news|whatsapp|telegram|twitter|x|facebook|instagram|youtube|tiktok|linkedin|threads|bluesky)\b"
"""Platforms an outlet asks its readers to follow it on."""
_FINITE = r"\b(?:is|are|was|were|has|have|had|will|would|said|says|can|could|did|does)\b"
"""Common finite verbs: a line with one is a sentence of the story, not a self-description."""

WEB_KINDS: tuple[_Kind, ...] = (
    _Kind(
        "accessibility link: 'Skip to main content' / 'Skip to navigation'",
        ("skip to",),
        12,
        re.compile(
            r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer|article)\s*)+$", _I
        ),
    ),
    _Kind(
        "age notice: the page says how old the article is",
        (" old",),
        12,
        re.compile(
            r"^this (?:article|story|page|content|piece) is (?:more than|over|at least) (?:a|an|one|\w+|\d+)"
            r" (?:days?|weeks?|months?|years?) old\.?$",
            _I,
        ),
    ),
    _Kind(
        "audio player: a listen control or the voice that reads the article",
        ("play", "listen", "voiced", "audio", "narrated"),
        10,
        re.compile(
            r"^(?!.*[.!?][\"”’]?$)(?:(?:press|click|tap|hit) play to (?:listen|hear)\b|listen to (?:this|the) (?:article|story)\b"
            r"|(?:voiced|narrated|read) by (?:amazon|an? (?:ai|automated|artificial|synthetic|computer)|(?-i:[A-Z]))"
            r"|audio (?:version|player|article)\b|listen in (?:english|arabic|french|spanish|\w+)$)",
            _I,
        ),
    ),
    _Kind(
        "media player notice: a video or audio player's message or caption label",
        ("video", "media", "audio", "javascript", "browser"),
        25,
        re.compile(
            r"^(?:media|video|audio) caption\s*,|^this (?:video|media|audio|content) (?:can ?not|cannot|is not|isn['’]t)"
            r" (?:be )?(?:played|available|supported)(?: in your (?:browser|region|country))?\.?$|\bto (?:play|view|watch) this (?:video|content|media)\b"
            r"|\benable javascript\b|\bbrowser (?:does not|doesn['’]t) support\b",
            _I,
        ),
    ),
    _Kind(
        "reader controls: read mode, font size, translation",
        ("mode", "font", "powered by", "translat"),
        6,
        re.compile(
            r"^(?:(?:enable|disable|switch to|exit) )?read(?:ing|er)? mode$|^(?:\d+\s*%\s*)?font size$|^font$"
            r"|^powered by\b[^.!?]*$|^(?:automated|machine) translation\b",
            _I,
        ),
    ),
    _Kind(
        "share widget: a share / copy-link / embed control",
        ("share", "copy", "embed", "clipboard"),
        14,
        re.compile(
            r"^[•·*]?\s*(?:share (?:this|to|on|via|with)\b(?!.*[.!?]$)|share$)"
            r"|\b(?:copy to clipboard|copy link|link copied|embed (?:link|code)|copy/paste the)\b",
            _I,
        ),
    ),
    _Kind(
        "push-notification prompt: the site asks to send notifications",
        ("notification", "click allow"),
        40,
        re.compile(
            r"\bsend(?:ing)? you (?:push )?notifications\b|\bclick (?:allow|block)\b"
            r"|^(?:allow|enable|turn on|get) (?:push )?notifications\b",
            _I,
        ),
    ),
    _Kind(
        "channel appeal: a request to follow or join the outlet's channel, page or feed",
        ("follow", "join us", "join our", "subscribe to", "google news", "channel"),
        40,
        re.compile(
            r"\b(?:follow|join|subscribe to) (?:us|our)\b(?:\s+[\w'’-]+){0,4}?\s+(?:channel|page|account|feed"
            r"|newsletter|community|group|on " + _PLATFORMS + ")"
            # "Follow Example News on Google News", "Join XT's WhatsApp Channel": the outlet by its name
            r"|\b(?:follow|join) (?-i:[A-Z])[\w'’&.-]*(?:\s(?-i:[A-Z])[\w'’&.-]*){0,2}(?:\s+on)?\s+(?:google news"
            r"|(?:whatsapp|telegram) channels?)\b"
            # "Follow Jane Doe on X": the author's account, a line without sentence punctuation
            r"|^(?!.*[.!?]$)follow (?-i:[A-Z])[\w'’.-]*(?:\s(?-i:[A-Z])[\w'’.-]*){0,2} on " + _PLATFORMS,
            _I,
        ),
    ),
    _Kind(
        "membership appeal: a request to support the outlet on a funding platform",
        ("patreon", "ko-fi", "buy me a coffee"),
        25,
        re.compile(
            r"^(?:please )?(?:support|become a patron of|join|back) .{1,60}\b(?:on|via) (?:patreon|ko-fi)\b",
            _I,
        ),
    ),
    _Kind(
        "topic tags: a line of hashtags",
        ("#",),
        20,
        re.compile(r"^#\w[\w-]*(?:[\s,]+#\w[\w-]*)*$"),
    ),
    _Kind(
        "newsletter self-description: what the newsletter is, in the page header",
        ("newsletter", "briefing", "bulletin", "digest"),
        30,
        re.compile(
            r"^(?:a|an|our|the|your)\s+(?:[\w-]+\s+){0,2}(?:newsletter|briefing|bulletin|digest)\s+(?:on|about|for"
            r"|from|with|of|that)\b(?!.*" + _FINITE + ")",
            _I,
        ),
    ),
    _Kind(
        "link bar: a row of link labels ('Tips | Subscribe | Read online')",
        (" | ",),
        24,
        re.compile(
            r"^(?=.*\b(?:subscribe|sign|send|view|share|follow|read|listen|watch|print|e-?mail|contact|tips?|login"
            r"|log in|register|donate|newsletters?)\b)(?:[^|.!?]{1,40}\|\s*){2,}[^|.!?]{1,40}$",
            _I,
        ),
    ),
    _Kind(
        "byline with roles: 'Written by … | Edited by …'",
        ("by ",),
        20,
        re.compile(
            r"^(?:written|edited|reported|produced|compiled|curated|words|text|story|photos?|video|graphics"
            r"|illustrations?|fact-checked) by\s+(?-i:[A-Z])[^.!?]*$",
            _I,
        ),
    ),
    _Kind(
        "appeal box: the head of a message or letter from the outlet to its readers",
        ("message", "note", "letter", "appeal", "word from", "dear "),
        8,
        re.compile(
            r"^(?:an? (?:message|note|letter|appeal|word) from (?:the )?(?-i:[A-Z])[^.!?]*:?"
            r"|dear (?:readers?|subscribers?|friends|listeners|viewers|supporters|members)[,:!]?)$",
            _I,
        ),
    ),
    _Kind(
        "reader-views box: an invitation to send comments or views",
        ("your ", "tell us", "have your say", "join the", "comment"),
        7,
        re.compile(
            r"^(?:your (?:views|comments|say|stories|reactions)|have your say|(?:send us|share) your (?:views"
            r"|comments|thoughts|stories|story|tips|photos|reactions)|tell us what you think|join the (?:conversation"
            r"|discussion|debate)|comments are closed|be the first to comment)\b[^.]*$",
            _I,
        ),
    ),
    _Kind(
        "free-trial offer: a subscription offer of the site",
        ("free", "gratis", "kostenlos", "gratuit", "trial"),
        6,
        re.compile(
            r"^(?:try|start|get|begin|claim|prøv\w*|test\w*|essayez|prueba)\b.{0,40}(?:\bfor free\b"
            r"|\bfree (?:trial|for|today|now)\b|\bgratis\b|\bkostenlos\b|\bgratuit\b|\btrial\b|[—–-]\s*free$)",
            _I,
        ),
    ),
)
"""The kinds of template furniture, tried in order."""
_MAX_WORDS = max(k.max_words for k in WEB_KINDS)

_CREDIT_JOINERS = frozenset({"via", "and", "for", "of", "/", "&", "-", "—", "–"})
_PHOTO_AGENCIES = frozenset(
    """reuters afp ap epa epa-efe getty images anadolu sputnik tass ria novosti ukrinform xinhua
    yonhap kyodo pool shutterstock alamy bloomberg wam""".split()
)
_BRACKET_CREDIT = re.compile(
    r"\[(?:[A-Z][A-Z0-9 .'’&/-]{1,40}|(?i:photo|image|file photo|video)s?\s*[/:][^\[\]]{1,40})\]$"
)
_CREDIT_LABEL = re.compile(
    r"\s(?:PHOTOS?|Photos?|IMAGES?|Images?|Image Credit|IMAGE CREDIT|Credit|CREDIT|Photograph)\s*:\s*(?P<who>[^:.!?]{2,60})$"
)
"""A credit label and the credit at the end of a caption: "… in Kyiv. PHOTO: AGENCY", "Image Credit: X"."""
_EMAIL_LINE = re.compile(r"^(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", _I)
_PHOTO_COLON_END = re.compile(r"\s(?:Photo|Photograph|Image|Picture|Credit)s?\s*:$")


def _credit_words(tail: str, *, labelled: bool = False) -> bool:
    """Whether ``tail`` is a photo credit: a few capitalised names joined by '/' or 'via' (any
    capitalised names after a label such as "PHOTO:")."""
    words = tail.replace("/", " / ").split()
    if not 1 <= len(words) <= 12:
        return False
    slash_or_via = "/" in words or "via" in words
    for w in words:
        if w.lower() in _CREDIT_JOINERS:
            continue
        if not (w[0].isupper() or w[0].isdigit()):
            return False
    return labelled or slash_or_via or " ".join(words).lower() in _PHOTO_AGENCIES


def credit_tail(text: str) -> bool:
    """Whether a caption line ends in its photo credit (the caption before it is a sentence).

    Shapes: an agency in square brackets ("… in the square [AGENCY/NAME]"), a slash or "via" credit
    after the last sentence ("… 2022. Agency/Name Surname/Agency via AGENCY"), an agency in
    brackets glued to the sentence ("… before the talks.(Agency)"), and "Photo:" at the end of a
    caption whose credit was cut off. A body paragraph ends with sentence punctuation.
    """
    if len(text) > 600 or not text or text[-1] in '.!?”’"':
        return False
    if text.endswith("]"):
        return bool(_BRACKET_CREDIT.search(text[-56:])) and " " in text
    if text.endswith(":"):
        return bool(_PHOTO_COLON_END.search(text[-14:]))
    if text.endswith(")"):
        head, sep, inner = text[:-1].rpartition("(")
        return bool(sep) and head[-1:] in (".", "!", "?") and inner.strip().lower() in _PHOTO_AGENCIES
    label = _CREDIT_LABEL.search(text[-90:])
    if (
        label
        and len(text) - len(text[-90:]) + label.start() > 20
        and _credit_words(label["who"], labelled=True)
    ):
        return True
    cut = max(text.rfind(". "), text.rfind("? "), text.rfind("! "))
    if cut < 20:
        return False
    tail = text[cut + 2 :]
    return ("/" in tail or " via " in f" {tail} ") and _credit_words(tail)


def webpage_reason(text: str, low: str) -> str:
    """Why ``text`` (with ``low``, its lower case) is template furniture ('' if nothing says so)."""
    words = text.count(" ") + 1  # repaired text has single spaces: the number of words
    if words <= _MAX_WORDS:
        for kind in WEB_KINDS:
            if words <= kind.max_words and any(t in low for t in kind.triggers) and kind.pattern.search(text):
                return kind.reason
    if credit_tail(text):
        return "photo caption: a caption that ends in its photo credit"
    if "@" in text and _EMAIL_LINE.match(text):
        return "contact line: an e-mail address on a line of its own"
    return ""

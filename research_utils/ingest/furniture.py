"""Recognise the page furniture of saved news pages, one line at a time.

What. A saved article carries lines that are not the article: bylines ("By X", a bare
name, a name with a date), publication and update timestamps, photo captions and credits,
"ALSO READ: …" and "Read more: …" links, share buttons, feed disclaimers and feed metadata
("- Country:"), wire trailers ("(Reporting by …)", "Our Standards: …", "… contributed to
this report", "___"), opinion disclaimers, membership and newsletter appeals, copyright and
reuse notices, "report an error" lines. :func:`furniture_reason` says, in one line, why a
line is furniture ('' when nothing says so) and :func:`headline_reason` why a short line is
another story's headline (after the kinds of :mod:`research_utils.ingest.webpage`, the
controls and notices of site templates); :mod:`research_utils.ingest.structure` adds the rules that need
the neighbouring lines (a caption before its credit, headlines under "Read also", a bare
name under the title, an author bio at the end).

How. Whole-line phrases (:data:`KNOWN`), then the shapes of bylines and timestamps (a
line made only of date and time words), then the patterns of :data:`LINE_RULES`, tried in
order. Each pattern was written from the layouts of the outlets read while building it:
Reuters, AP and AFP wire copy, TASS and RT, Kyiv Independent, Ukrainska Pravda and
Ukrinform, BBC- and Guardian-style pages, syndicated feeds (ANI/PTI-style "This story has
not been edited by … staff" notices). No text of those pages is kept here.

Weaknesses. English only; a layout not seen before leaves its furniture in the body, and a
body line that happens to have a furniture shape (a one-line "By Christmas, …" is safe
because it ends in a full stop; a list item "- Source: …" is not) is set aside.
"""

from __future__ import annotations

import re

from research_utils.ingest.webpage import webpage_reason

__all__ = [
    "BIO",
    "BIO_ROLE",
    "BYLINE_TAIL",
    "CREDIT",
    "DATELINE",
    "KNOWN",
    "LINE_RULES",
    "LIST_ITEM",
    "MORE_FROM",
    "RELATED_MARKER",
    "VIDEO_MARKER",
    "furniture_reason",
    "headline_reason",
    "is_name",
    "is_timestamp",
]

_I = re.IGNORECASE

MORE_FROM = (
    r"(?:more|other|latest) (?:stories|news|articles|videos) (?:from|by|on) .{1,40}|flere (?:historier|nyheter"
    r"|artikler|saker) fra .{1,40}|fler (?:nyheter|artiklar|berättelser) från .{1,40}|mehr (?:nachrichten|artikel"
    r"|geschichten|news) (?:von|aus) .{1,40}|meer (?:nieuws|verhalen|artikelen) (?:van|uit) .{1,40}|plus d['’]"
    r"(?:articles|actualités|histoires) (?:de|du) .{1,40}|más (?:noticias|historias|artículos) de .{1,40}"
    r"|altr[ei] (?:notizie|articoli|storie) (?:da|di) .{1,40}|mais (?:notícias|histórias|artigos) d[eoa] .{1,40}"
)
"""A "more stories from <site>" marker, in English and in the languages that sites show their
readers ("MEHR NACHRICHTEN VON …"): the lines under it are other stories."""
_VIDEO = r"in (?:video|pictures|photos)|watch(?: video| now| more)?|more videos?"
"""A marker above another story's video or gallery ("In video" and its headline)."""
VIDEO_MARKER = re.compile(rf"^(?:{_VIDEO})$", _I)

KNOWN = re.compile(
    r"^("
    + MORE_FROM
    + "|"
    + _VIDEO
    + r"|time to read|related( articles?| stories| news| content| topics| coverage| reading)?|read (more|also|next)"
    r"( on this topic)?|also read|see also|more on this( story| topic)?|more stories|back to top( button)?"
    r"|advertisement|sponsored( content)?|share( this)?( article| story| page| on \w+)?|share via"
    r"|copy link|you can share this story on social media:?|subscribe( now)?|sign up.*newsletter.*"
    r"|follow us( on .*)?|click here.*|comments?( \(\d+\))?|\d+ comments?|print|e-?mail|telegram|vk"
    r"|facebook|twitter|x|whatsapp|linkedin|reddit|instagram|youtube|viber|tags?:.*|topics?:.*"
    r"|(copyright|©).*|all rights reserved|more (from|on) .*|recommended( videos| stories)?"
    r"|most (read|popular|viewed)|trending( now)?|you (may|might) also like|latest (news|stories)"
    r"|all news|top stories|listen( to (this )?article)?|full screen|\d+ of \d+|\d+ min(ute)?s? read"
    r"|reading time.*|support us|donate|show more|see more|save( article)?|gift (this )?article"
    r"|sign in|log in|newsletter|staff and agencies|agencies|check against delivery"
    r"|as prepared for delivery|analysis|opinion|exclusive|explainer|commentary|interview|editorial"
    r"|breaking( news)?|live( updates)?|news|news feed|video|photos?|gallery|avatar|uncategori[sz]ed|(first |last )?(published|updated|posted)"
    r"|sign up here|(open |close |main )?menu|search|home|close|navigation|toggle navigation|all sections|continue reading|scroll (down )?to (continue|read)( reading)?( the article)?|leave a (reply|comment)|\d[\d,.]*|link copied|copy link copied|views?:? ?\d[\d,.]*|\d[\d,.]* views|(story|article) continues (below|after)( (this )?(advertisement|ad))?)$",
    _I,
)
"""Whole lines (after stripping `` .:|``) that are page furniture wherever they stand."""

RELATED_MARKER = re.compile(
    r"^("
    + MORE_FROM
    + "|"
    + _VIDEO
    + r"|related( articles?| stories| news| content| topics| coverage| reading)?|read (more|also|next)"
    r"|also read|see also|more on this( story| topic)?|more stories|recommended( stories)?"
    r"|most (read|popular|viewed)|you (may|might) also like|latest (news|stories)|top stories|tags"
    r"|topics)$",
    _I,
)
"""Lines after which the short lines are other stories' headlines or topic tags."""

_AGENCY = r"(getty images|afp|reuters|epa-efe|epa|anadolu( agency)?|sputnik|tass|ria novosti|ukrinform)"
CREDIT = re.compile(
    r"^(photo|photograph|image|picture|credit)s?( credit)?\s*:\s*\S.{0,80}$|^(photo|image|picture)s? by\s"
    r"|^\([^()]*\b(photo|images?|via|credit)\b[^()]*\)$|^[\w .'’-]{0,60}/\s*(ap|" + _AGENCY[1:] + r"$"
    r"|^(ap|shutterstock|alamy|" + _AGENCY[1:] + r"$|^(reuters|afp|ap|epa)\s*/\s*[\w .'’-]{2,60}$",
    _I,
)
"""A photo credit standing on its own line (the line before it is the photo's caption)."""

_RULES: tuple[tuple[str, str], ...] = (
    (
        "related link: an 'ALSO READ' / 'Read more' line pointing to another story",
        r"^(also read|read (also|more|next)|see also|related( article| story| stories| news)?|more on"
        r" (this|that)( story| topic)?|recommended|must read|don['’]t miss|watch|listen)\s*[:|—–-]\s*\S",
    ),
    (
        "feed metadata: a '- Country:' / '- Topic:' line of a syndicated feed",
        r"^[-–—•*]\s*(country|countries|topics?|region|categor(y|ies)|section|tags?|keywords?|language"
        r"|source|location|agency|type|subjects?|dateline)\s*:",
    ),
    ("topic tags: a 'Tags:' / 'Topics:' line", r"^(tags?|topics?|keywords?|filed under|categor(y|ies))\s*:"),
    (
        "feed disclaimer: the story comes unedited from a syndicated feed",
        r"not been edited by|auto-generated from an? (syndicated|news|wire)|published from an? "
        r"(syndicated|wire|news agency) feed",
    ),
    (
        "wire trailer: reporting, editing or contributor credits, or a standards line",
        r"^\(?\s*(additional )?(reporting|writing|editing|compiled|research|translated|edited) by\b"
        r"|^our standards\s*:|\bcontributed( (to )?(this )?(report|story|reporting|article))?[.)]*$"
        r"|^follow (ap|reuters|afp|bbc)\b",
    ),
    ("link line: a bare web address", r"^(https?://|www\.)\S+$"),
    (
        "opinion disclaimer: the views are the author's own",
        r"\b(statements?|views?|opinions?)\b.{0,60}\bexpressed\b.{0,60}\b(author|writer|columnist)"
        r"|\bdo(es)? not (necessarily )?(reflect|represent) (the )?(views|opinions|position|those)",
    ),
    (
        "appeal: a membership, donation, newsletter or app request",
        r"(^|[.!?:]\s+|\bor\s+)(please )?(become (a|an|our) (member|patron|subscriber|supporter)|support (us|our "
        r"(work|journalism|newsroom)|independent journalism)\b|consider (supporting|subscribing|donating)\b"
        r"|subscribe (to|now|today|for)\b|sign up (for|to|now|here)\b|donate (now|today|to)\b|join (us|our \w+)"
        r" on\b|download (our|the) app\b)|(delivered|straight) to your inbox",
    ),
    (
        "report-an-error line: a request to report mistakes to the editors",
        r"\bif you (notice|find|see|spot) (an? )?(error|mistake|typo)|\breport an? (error|mistake|typo)"
        r"|\bctrl\s*\+\s*enter\b",
    ),
    (
        "copyright or reuse notice",
        r"^(copyright\b|©|\(c\)\s)|all rights reserved|reproduction is permitted|may not be (published|"
        r"reproduced|broadcast|rewritten|redistributed)|\bwhen (citing|quoting|using)\b.{0,80}\b(materials?"
        r"|content)\b|\b(hyper)?links?\b.{0,100}\b(is|are) (mandatory|obligatory|required)"
        r"|solely responsible for (all )?(the )?content",
    ),
    (
        "photo caption or credit",
        r"^(photo|photograph|image|picture|pic|pictured|illustration|credit|caption)s?( credit| source| caption"
        r"| copyright)?\s*:|^(image|photo|picture) (source|caption|copyright|credit)\s*,|^file( photo)?\s*[:—–-]\s"
        r"|^(photo|image|picture)s? by\s|^in this (file |handout )?(photo|image|photograph)\b"
        r"|^(this|a) (handout |file )?(photo|image|photograph|picture),? (provided|taken|released|shows|showing|captured)\b"
        r"|^photo:? illustrative|^illustrative (photo|image)"
        r"|\((photo|image|photograph|pictured|credit)s?\s*[:/][^()]*\)\.?$|\([^()]*\b(ap|afp|reuters|epa"
        r"|getty|anadolu|sputnik|tass|ria)\b[^()]*\b(photo|images?|pool)\b[^()]*\)\.?$|\([^()]*\bvia "
        r"(ap|reuters|afp|getty images)\)\.?$|\([^()/]{2,60}(\s?/\s?[^()/]{2,60}){1,4}\)\.?$"
        r"|\((ap|afp|reuters|epa|getty|supplied|abc news|abc)\s*:\s*[^():]{2,60}\)\.?$|[.!?]\s+(photo|photograph|image|credit)s?\s*:\s*[^.!?]{2,80}$"
        r"|(^|[.!?]\s+)([\w.'’ -]{2,40}/\s*)?" + _AGENCY + r"(\s*/\s*[\w.'’ -]{2,40})?$",
    ),
)
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((why, re.compile(p, _I)) for why, p in _RULES)
"""Context-free furniture: (reason, pattern) pairs, tried in order on lines of up to 600
characters."""
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "feed disclaimer": ("edited", "auto-generated", "feed"),
    "wire trailer": ("by", "standards", "contributed", "follow"),
    "opinion disclaimer": ("expressed", "reflect", "represent"),
    "appeal": ("member", "patron", "subscri", "support", "sign up", "donat", "join", "download", "inbox"),
    "report-an-error": ("error", "mistake", "typo", "ctrl"),
    "photo caption": (
        *("photo", "image", "pic", "illustrat", "credit", "caption", "file", "("),
        *("getty", "afp", "reuters", "epa", "anadolu", "sputnik", "tass", "ria", "ukrinform"),
    ),
    "copyright": (
        "copyright",
        "©",
        "(c)",
        "rights",
        "reproduc",
        "may not be",
        "link",
        "responsible",
        "when ",
    ),
}
"""Words without which a rule cannot match: lines without any of them are not searched (speed)."""
_SEARCH = tuple(
    (why, pattern, next((t for k, t in _TRIGGERS.items() if why.startswith(k)), ("",)))
    for why, pattern in LINE_RULES
)

DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’./-]+(?:[ -][A-Z][A-Z'’./-]+){0,3}(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
    r"(?:,\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}|\d{1,2}\s[A-Z][a-z]{2,8}))?\.?\s*"
    r"(?:\([^()]{2,30}\)\s*[—–-]|/[A-Za-z]{2,12}/|[—–-]\s)|[A-Z][a-z]{2,8}\.? \d{1,2} \([^()]{2,30}\)\s*[—–-])"
)
"""A wire or agency dateline: "ISTANBUL, May 14 (Reuters) -", "KIEV/DONETSK (Reuters) -",
"MOSCOW, March 15. /TASS/.", "Jan 14 (Reuters) -"."""
LIST_ITEM = re.compile(r"^(?:[•·▪●◦‣*+]|[-–—](?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))")
"""The marker of a list item: a bullet, a dash, "1." or "a)"."""

_MONTHS_DAYS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december mon tue tues wed thu thur thurs fri sat sun monday
    tuesday wednesday thursday friday saturday sunday today yesterday""".split()
)
_DATE_WORDS = (
    _MONTHS_DAYS
    | frozenset(
        """am pm a.m p.m gmt utc bst est edt cet cest msk eet eest pst pdt cst cdt ist kyiv moscow london
    time local at on of the ago hour hours hr hrs minute minutes min mins updated published posted
    modified last first edited date created views delivered update""".split()
    )
    | frozenset(
        # time zones that pages print after the time ("09:42 AM GST", "10:28 PM SGT", "15:27 KST")
        """gst ast sgt hkt kst jst ict pkt wib aest aedt nzst nzdt sast wat cat eat mst mdt akst hst cet
    wet west ist msk trt irst""".split()
    )
)
_DATE_NUM = re.compile(
    r"\d{1,4}(?:[:.-]\d{1,4}){0,2}(?:am|pm|h|st|nd|rd|th)?|(?:gmt|utc)[+-]\d{1,2}(?::\d\d)?"
)
_NAME_DATE = re.compile(r"^(?:by\s+)?(?P<name>[^—–|•·,]{3,60}?)\s*(?:[—–|•·,]|\s-)\s*(?P<rest>.*\d.*)$", _I)
_DATE_NAME = re.compile(r"^(?P<date>.*\d.*?)\s*(?:[—–|•·]|\s-)\s*(?:by\s+)?(?P<name>[^\d—–|•·]{3,60})$", _I)
_PLACE_DATE = re.compile(r"^(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}),\s+(?P<rest>.*\d.*)$")
_NOT_NAMES = frozenset(
    """the a an at on of in for to from with and or by this that monday tuesday wednesday thursday
    friday saturday sunday today yesterday breaking live latest news updates""".split()
)
"""Words that never stand in a personal name (months may: "Jan", "May", "June" are first names)."""
_HAS_WORD = re.compile(r"[^\W_]")
_PARTICLES = frozenset("de van von der den al el bin da di la le del du dos ter ten".split())


def is_name(text: str) -> bool:
    """Whether ``text`` is one to four personal names ("Daria Melnyk and Tom Harrow").

    Each name has two to four capitalised words (particles such as "de" or "van" allowed),
    no digits, no weekday and no function word ("The", "At").
    """
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", text.strip())
    if not 1 <= len(parts) <= 4:
        return False
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 4:
            return False
        for w in words:
            if w in _PARTICLES:
                continue
            if not (w[0].isupper() and all(c.isalpha() or c in "'’.-" for c in w)):
                return False
            if w.lower().strip(".") in _NOT_NAMES:
                return False
    return True


def is_timestamp(text: str) -> bool:
    """Whether ``text`` holds only a date and time, perhaps after a label ("Updated 3 May, 09:30")."""
    if len(text) > 120 or not any(c.isdigit() for c in text):
        return False
    tokens = [t.strip(".:;()[]—–-") for t in re.split(r"[\s,|•·/]+", text.lower())]
    parts: list[str] = []
    for t in tokens:
        if "-" in t and not _DATE_NUM.fullmatch(t):
            parts += [p for p in t.split("-") if p]  # "30-mar-2022": a date written with hyphens
        elif t:
            parts.append(t)
    tokens = parts
    return (
        0 < len(tokens) <= 14
        and all(t in _DATE_WORDS or _DATE_NUM.fullmatch(t) for t in tokens)
        and not all(t.isdigit() for t in tokens)  # "1991, 2004, 2014." is a list of years
    )


def _byline_reason(text: str) -> str:
    """Why ``text`` is a byline or a timestamp line ('' if it is neither)."""
    words = text.split()
    if not words or len(words) > 20:
        return ""
    if is_timestamp(text):
        return "timestamp: a publication or update date and time"
    if (
        words[0].lower() == "by"
        and len(words) >= 2
        and words[1][0].isupper()
        and words[1].lower().strip(",.") not in _DATE_WORDS
        and not text.endswith(".")
    ):
        return "byline: 'By' and the author's name"
    m = _NAME_DATE.match(text)
    if m and is_name(m["name"]) and is_timestamp(m["rest"]):
        return "byline: the author's name and a date"
    m = _DATE_NAME.match(text)
    if m and is_name(m["name"]) and is_timestamp(m["date"]):
        return "byline: a date and the author's name"
    m = _PLACE_DATE.match(text)
    if m and len(words) <= 8 and is_timestamp(m["rest"]):
        return "timestamp: a place and a date on a line of their own"
    if "|" in text or "•" in text or "·" in text:  # "Agency | Updated: 2022-03-30 07:31"
        parts = [p.strip() for p in re.split(r"[|•·]", text) if p.strip()]
        dated = [is_timestamp(p) for p in parts]
        if (
            2 <= len(parts) <= 5
            and any(dated)
            and all(
                d or (len(p.split()) <= 5 and not p.endswith((".", "!", "?")))
                for p, d in zip(parts, dated, strict=True)
            )
        ):
            return "byline: a source or author and a date, set apart by '|'"
    return ""


def furniture_reason(text: str) -> str:
    """Why a line, on its own, is page furniture ('' if nothing says so).

    Parameters
    ----------
    text : str
        One repaired line (lines above 600 characters are never furniture).

    Returns
    -------
    str
        A one-line reason that starts with its kind ("furniture:", "byline:", "timestamp:",
        "photo caption or credit", "feed disclaimer:" …), or ''.
    """
    if len(text) > 600:
        return ""
    if KNOWN.match(text.strip(" .:|")):
        return "furniture: matches a known page-furniture phrase"
    reason = _byline_reason(text)
    if reason:
        return reason
    low = text.lower()
    reason = next(
        (why for why, pattern, words in _SEARCH if any(w in low for w in words) and pattern.search(text)), ""
    )
    if not reason:
        reason = webpage_reason(text, low)
    if not reason and not _HAS_WORD.search(text):
        reason = "furniture: a line without words (a separator or a symbol)"
    return reason


BIO = re.compile(
    r"^[—–*_-]*\s*(?P<name>\S+(?: \S+){1,3}|the author|the writer) (?:is|was|has been|serves as|writes|teaches"
    r"|works)\b",
    re.IGNORECASE,
)
BIO_ROLE = re.compile(
    r"\b(fellow|professor|lecturer|journalist|editor|correspondent|analyst|author|writer|columnist"
    r"|director|researcher|reporter|contributor|commentator|economist|historian|scholar|founder)\b",
    re.IGNORECASE,
)
"""An author bio ("<Name> is a senior fellow at …", "The author is …") and its role nouns."""
BYLINE_TAIL = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}|,?\s+and agencies)$")
"""What may follow an author's name in a byline: "in Kyiv", "and agencies"."""

_QUESTION_WORDS = ("why", "how", "what", "who", "when", "where", "which")
_HEADLINE_VERBS = frozenset(
    """says said warns reacts slams urges vows rejects accepts blames denies threatens announces
    reveals admits explains responds seeks fails failed agrees refuses condemns accuses insists
    confirms lashes dismisses warned urged vowed rejected slammed""".split()
)
"""Finite verbs that make a short line read as a news headline (with a named subject before).

Words that are also common nouns (plans, calls, claims, demands, offers, backs, hits, signs,
drops) are left out: "Kyiv's winter plans" is a subheading."""
_NOT_SUBJECT = frozenset(
    "a an the this that these those its his her their our my your no any of for to in on".split()
)
_DASH_ATTRIBUTION = re.compile(r"\s[–—-]\s*[\w.’' ]{2,40}$")


def headline_reason(text: str) -> str:
    """Why a short unpunctuated line reads as another story's headline ('' if it does not).

    Saved pages of some outlets (RT among them) put the headlines of related stories between
    the paragraphs, with no "Read also" above them. Evidence that a line is such a headline:
    it ends in a dash and a source ("Ukraine might drop NATO bid – ambassador"), it is a long
    "Why/How …" line of 10 or more words, or it has five or more words and a finite headline
    verb right after a capitalised subject ("Russia reacts to …") in a line that is not in
    Title Case. Weaknesses: a subheading written as such a clause ("NATO warns of a long
    winter") is set aside, and a related headline without those marks stays a heading.
    """
    if _DASH_ATTRIBUTION.search(text):
        return "related headline: ends with a dash and a source"
    words = re.findall(r"[^\W_]+(?:[’'][^\W_]+)?", text)
    lower = [w.lower().replace("’", "'") for w in words]
    if len(words) >= 10 and lower[0] in _QUESTION_WORDS:
        return f"related headline: a long line opening with '{words[0]}', as another story's headline"
    if len(words) < 5 or lower[0] in _QUESTION_WORDS:
        return ""  # a short line, or a subheading such as "What the West can do"
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    title_case = capitalised >= 0.7 * max(1, sum(len(w) > 3 for w in words))
    for i in range(1, len(words)):
        prev, word = words[i - 1], lower[i]
        if prev.lower() in _NOT_SUBJECT or prev.endswith(("'s", "’s")):
            continue
        named = prev[0].isupper() and not title_case  # a named subject: "Russia reacts to …"
        if word in _HEADLINE_VERBS and named and words[i].islower():
            return f"related headline: reads as a clause (headline verb '{words[i]}')"
    return ""

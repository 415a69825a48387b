"""Word lists of speaker names: the titles before a name, the heads of organisation,
newspaper, place and document names, the demonyms that qualify a title. Written by hand
after the speaker phrases of wire, state-media, court and business copy (tests/gold,
tests/gold/real); :mod:`~.names` reads names with them.
"""

from __future__ import annotations

__all__ = [
    "AGENCIES",
    "DEMONYMS",
    "DOCUMENT_HEADS",
    "EXPERTS",
    "ORG_HEADS",
    "PLACE_HEADS",
    "PUBLICATION_HEADS",
    "TITLES",
]

TITLES = frozenset(
    """president vice prime minister ministers deputy secretary chancellor premier governor mayor
    spokesman spokeswoman spokesperson press ambassador envoy diplomat commissioner representative
    chairman chairwoman chair chairperson head chief director executive ceo manager coach boss
    general commander commander-in-chief admiral colonel lieutenant major captain sergeant corporal
    private officer soldier marshal minister-president speaker senator congressman congresswoman
    representative rep sen gov lawmaker mp councillor councilor alderman adviser advisor aide
    negotiator ombudsman prosecutor judge justice attorney lawyer inspector detective superintendent
    constable professor prof dr doctor mr ms mrs miss sir dame lord lady madam king queen prince
    princess emperor sheikh pope patriarch metropolitan bishop archbishop cardinal father rabbi imam
    pastor reverend rev nurse sister porter economist analyst expert strategist researcher scientist
    historian journalist correspondent editor reporter commentator columnist author founder owner
    striker midfielder defender goalkeeper winger forward player captain-elect incumbent
    candidate leader secretary-general under-secretary undersecretary high foreign defence defense
    interior finance economy justice health energy infrastructure trade culture education
    political presidential military senior top acting interim former new campaign
    coordinator controller administrator official officials resident residents pensioner student
    volunteer farmer worker activist campaigner""".split()
)
"""Title, office and occupation words that precede a name in news copy (lower case)."""

EXPERTS = frozenset(
    """economist analyst expert strategist researcher scientist historian journalist correspondent
    editor reporter commentator columnist author professor prof academic resident residents
    pensioner student volunteer farmer worker activist campaigner nurse porter doctor""".split()
)
"""Title words of people who speak for no side (experts, academics, journalists,
residents): a state named in their title is not the side they speak for."""

ORG_HEADS = frozenset(
    """ministry committee council bank agency office service services staff force forces house
    department commission union league party court parliament assembly government administration
    army navy guard guards police hospital trust university institute foundation fund organisation
    organization association federation group company corporation inc ltd plc club fc cross
    authority authorities board bureau secretariat directorate intelligence embassy mission
    delegation duma rada senate congress cabinet kremlin pentagon command headquarters center
    centre unit brigade regiment battalion division corps fleet network channel agency's
    programme program summit conference alliance coalition movement front nations states state""".split()
)
"""Heads of organisation names ("Defence *Ministry*", "Red *Cross*", "Air *Force*")."""

PUBLICATION_HEADS = frozenset(
    """times journal post herald tribune gazette telegraph guardian observer chronicle inquirer examiner
    monitor mail express mirror yorker""".split()
)
"""Last words of newspaper names ("The New York Times", "the Jerusalem Post")."""

AGENCIES = frozenset(
    "reuters afp ap tass ria interfax ukrinform xinhua bloomberg cnn bbc unian nhk yonhap anadolu".split()
)
"""News agencies and broadcasters written as one word: organisations."""

PLACE_HEADS = frozenset(
    """sea seas ocean river lake bay gulf strait straits canal coast peninsula island islands
    mountains valley desert plain plains basin delta region oblast province district corridor
    border""".split()
)
"""Last words of geographic names ("Black Sea", "Blue Lake", "Donetsk Region"): such a run
names no person, so a pronoun is never resolved to it. Buildings and streets are left out:
"Downing Street" and "Kensington Palace" speak for their occupants."""

DOCUMENT_HEADS = frozenset(
    """report reports judgment judgement ruling act bill law treaty agreement accord convention
    declaration resolution charter protocol memorandum plan strategy doctrine directive code""".split()
)
"""Last words of the names of documents ("the Glackin Report", "the Minsk Agreement"): such a
run names no person, so "he" or "she" is never resolved to it."""

DEMONYMS = frozenset(
    """american russian ukrainian british english scottish welsh irish french german italian spanish
    portuguese dutch belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek
    turkish swedish finnish norwegian danish estonian latvian lithuanian belarusian moldovan georgian
    armenian azerbaijani kazakh chinese japanese korean indian pakistani iranian iraqi israeli
    palestinian saudi qatari emirati egyptian syrian lebanese jordanian afghan canadian australian
    mexican brazilian argentine african european asian arab western eastern soviet serbian
    croatian slovenian bosnian albanian nigerian kenyan ethiopian south north un eu us uk nato
    u.s. u.k.""".split()
)
"""Demonyms and bloc abbreviations that qualify a title ("Hungarian Foreign Minister")."""

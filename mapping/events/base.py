"""What every event stage shares: the Event record, the trigger lexicon, and the syntactic
tests on a trigger token (its governing verb, whether it is planned or refers back)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.governing import governing_verb
from communique.mapping.lexicon import event_lexicon
from communique.mapping.values.dates.value import DateValue

GROUPS = {
    "visit": "visit",
    "meeting": "meet",
    "talks": "meet",
    "phone-call": "call",
    "summit": "summit",
    "agreement-signing": "sign",
    "ceremony": "ceremony",
    "statement": "statement",
}


def lexicon() -> dict:
    """data/events.json (read once, by mapping/lexicon.py)."""
    return event_lexicon()


@cache
def words(name: str) -> frozenset[str]:
    """A word class of the lexicon's "words" (mapping/data/events.json)."""
    return frozenset(lexicon()["words"][name])


REPORTING = words("reporting")
FUTURE_MODS = words("future_modifiers")
FUTURE_GOVERNORS = words("future_governors")
# in this order: the first a trigger is modified by is its kind
VISIT_KINDS = tuple(lexicon()["words"]["visit_kinds_read"])
DISTINCT_MODS = words("distinct_modifiers")
PAST_MODS = words("past_modifiers")
PLURAL_ANAPHORS = words("plural_anaphors")
# the verbs of taking part in a gathering ("attend", "take part in")
ATTENDING = words("attendance_words") | {"participate", "take"}


@dataclass
class Event:
    """One event as the article reports it."""

    kind: str  # event-type key
    trigger: Token
    sentence: Span
    participants: list[Entity] = field(default_factory=list)
    guest: Entity | None = None
    host: Entity | None = None  # a country
    host_filed: bool = False  # the host is only where the story is filed (no destination told)
    guest_country: Entity | None = None
    place: Entity | None = None
    date: DateValue | None = None
    explicit_date: bool = False
    dateline_day: bool = False  # its day is only the dateline's ("X and Y have signed ...")
    filed_day: DateValue | None = None  # an undated "has held" lede's, unless told later
    scheduled: bool = False
    called_off: str | None = None  # "cancelled", "postponed", "rescheduled" (events/called_off)
    visit_kind: str | None = None
    part_of: Event | None = None
    anaphoric: bool = False
    unnamed_speaker: bool = False  # a statement by a body the text does not name
    sentences: set[int] = field(default_factory=set)  # starts of the sentences it is told in
    told_at: set[int] = field(default_factory=set)  # the triggers of the mentions merged in
    # what tells apart the events one phrase tells ("visit Japan and Korea": the host)
    distinct: str = ""

    @property
    def group(self) -> str:
        return GROUPS[self.kind]


# "received", "hosted": verbs whose object is the one received, the guest
RECEIVING_VERBS = frozenset(lexicon()["person_object_verbs"])


def signed_object(tok: Token) -> bool:
    head = tok.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in ("signing", "sign", "adopt", "adoption")


def is_anaphoric(tok: Token) -> bool:
    """`the visit`, `his visit`, `In the meeting`: a noun that refers back."""
    if tok.pos_ == "VERB":
        return False
    if any(
        (c.ent_type_ == "ORDINAL" or c.lower_ in DISTINCT_MODS) and c.dep_ != "appos"
        for c in tok.children
    ):
        # "the ninth trilateral meeting" is an event of its own (but "The meeting, the
        # first since ...," describes the one told)
        return False
    if event_name(tok):
        return False  # "the Arden-Kenya Ministerial Roundtable": a name, not a reference
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    return any(d.lower_ in ("the", "this", "that", "his", "her", "their", "its") for d in dets)


def told_as_before(tok: Token) -> bool:
    """ "her recent visits", "the previous meeting": an event before the ones told around
    it, whose day and setting are not theirs."""
    return any(c.dep_ == "amod" and c.lower_ in PAST_MODS for c in tok.children)


def event_name(tok: Token) -> tuple[str, ...]:
    """ "the G20 Hangzhou Summit": the capitalised words of an event's name, by which a
    second telling is the same event (empty for a common noun, "the summit")."""
    if not tok.is_title:
        return ()
    words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.is_title]
    return (*words, tok.lower_) if words else ()


def named_apart(tok: Token, other: Token) -> bool:
    """ "a Mercosur summit" and "the Ibero-American summit": each named by capitalized
    words before it, and neither's words among the other's: two gatherings."""
    mine, theirs = _name_words(tok), _name_words(other)
    # ("the IGAD Extraordinary Summit", then "the Extraordinary Summit of IGAD": one)
    return bool(mine) and bool(theirs) and not (mine <= theirs or theirs <= mine)


def named_alike(tok: Token, other: Token) -> bool:
    """ "the Arab League Council meeting" told twice: the same capitalized words name both."""
    mine = _name_words(tok)
    return bool(mine) and mine == _name_words(other)


def _name_words(tok: Token) -> frozenset[str]:
    return frozenset(
        w.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")
        for w in c.subtree if w.is_title or w.is_upper
    )  # fmt: skip


def plural_subject(tok: Token) -> bool:
    """ "The two sides signed ...", "they discussed ...", or "signed in the presence of the
    two presidents": those told before did it (or witnessed it)."""
    verb = governing_verb(tok)
    for c in witnesses(verb):
        if c.lower_ in PLURAL_ANAPHORS:
            return True
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PLURAL_ANAPHORS:
            return True
        if c.dep_ == "nsubj" and c.lower_ == "co":
            # "the two ministers co-chaired": the parser makes "co" the subject
            return any(g.dep_ == "compound" and g.lower_ in PLURAL_ANAPHORS for g in c.children)
    return False


def witnesses(verb: Token) -> list[Token]:
    """ "signed by X and Y in the presence of Z": Z takes part too."""
    return [
        w
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.lemma_.lower() == "presence"
        for of in p.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for w in of.children
    ]


def signature(tok: Token) -> tuple:
    mods = sorted(
        c.lower_ for c in tok.children if c.lower_ in DISTINCT_MODS or c.ent_type_ == "ORDINAL"
    )
    return (tok.lemma_.lower(), *mods) if mods else ()


# "before the signing", "after the ceremony": a time frame for another clause's event
_FRAME_PREPS = words("frame_prepositions")
_ROUNDS = words("rounds")


def the_round_of(tok: Token) -> Token:
    """ "the next round of talks": the round, which carries the words about the talks (the
    trigger itself when it is no round's)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _ROUNDS:
        return tok.head.head
    return tok


def with_its_round(tok: Token) -> tuple[Token, ...]:
    """The trigger, and the round that carries its words if there is one."""
    r = the_round_of(tok)
    return (tok,) if r == tok else (tok, r)


def infinitive(tok: Token) -> bool:
    """ "to meet": a verb's bare form with its "to"."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def only_a_time_frame(tok: Token) -> bool:
    """A bare `the <noun>` inside a temporal phrase ("Before the signing, they held ...",
    "told reporters after the ceremony"), or a bare noun after any preposition ("on
    arrival"): it frames the clause, it is no event of its own."""
    if tok.pos_ == "VERB" or tok.dep_ != "pobj":
        return False
    if the_round_of(tok) is not tok:
        return False  # "the next round of consultations": an event, counted
    kids = [c for c in tok.children if c.dep_ not in ("acl", "relcl", "punct")]
    if not kids:
        return True  # "told reporters on arrival": a circumstance, no event of its own
    prep = tok.head
    if prep.lower_ in ("on", "upon") and all(
        c.dep_ == "prep" and c.lower_ == "at" or c.dep_ in ("cc", "conj") for c in kids
    ):
        return True  # ("welcomed her on arrival at the air base": where, not which visit)
    if prep.lower_ in ("to", "of") and prep.head.lower_ in ("prior", "ahead"):
        prep = prep.head
    if prep.lower_ not in _FRAME_PREPS:
        return False
    return bool(kids) and all(c.dep_ == "det" and c.lower_ == "the" for c in kids)


def framing_gathering(tok: Token) -> bool:
    """ "held talks on the sidelines of the G20 summit": the summit is a gathering of its own,
    not a telling of the talks, and the talks' people are not its parties (so is one told by
    its round: "on the sidelines of the third round of talks")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    # (a common noun's round: not "the 46th Session of the Executive Council", a body's sitting)
    of_round = noun.lemma_.lower() in words("rounds") and tok.pos_ == "NOUN"
    if of_round and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    # ("within the framework of the Leaders' Meeting": a gathering's; "of ASEAN": no sitting)
    return noun.lower_ in words("sidelines") and (noun.lower_ != "framework" or tok.pos_ == "NOUN")


def folded_conjuncts(t: Token) -> list[Token]:
    """ "Foreign Minister A and Defense Minister B will meet ...": a first name of a pair the
    parser hung as a modifier inside the second one's title ("A" an nmod with "and")."""
    return [
        m
        for left in t.lefts
        for m in left.subtree
        if m.dep_ == "nmod" and any(g.dep_ == "cc" and g.lower_ == "and" for g in m.children)
    ]

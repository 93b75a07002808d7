"""Which triggers tell no event of their own: a time frame ("on arrival"), what is talked
of at another event, a mechanism set up, a question, a word of another event's name, an
event of long ago, a purpose of another, a retelling of one told ("It was his first
visit"), what a call told before was about. Read with the events told so far (Told) and
counts over the sentence's triggers (SentenceTriggers)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from communique.mapping.events import parties, told_again
from communique.mapping.events.base import (
    GROUPS,
    RECEIVING_VERBS,
    Event,
    governing_verb,
    lexicon,
    only_a_time_frame,
    plural_subject,
)
from communique.mapping.events.context import recent
from communique.mapping.events.date_owners import opens_since, some_time_ago
from communique.mapping.events.not_diplomatic import not_diplomatic
from communique.mapping.events.reader import EventReader
from communique.mapping.events.spoken_of import (
    a_standing_mechanism,
    about_in_a_document,
    talk_inside,
)
from communique.mapping.mentions.finder import PERSON, PLACE
from communique.mapping.nlp.language import last_token, sentence_of
from communique.mapping.values.dates.value import DateValue


class Told:
    """The events told so far, with what later triggers ask of them kept at hand."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.kinds: set[str] = set()
        self.with_two: list[Event] = []  # those with two persons or more

    def add(self, ev: Event) -> None:
        self.events.append(ev)
        self.kinds.add(ev.kind)
        if sum(p.kind == PERSON for p in ev.participants) >= 2:
            self.with_two.append(ev)


class SentenceTriggers:
    """Counts over a sentence's triggers, so that each trigger's questions about the
    others take constant time however many there are."""

    def __init__(
        self, sent_triggers: list[tuple[Token, str]], dates: dict[int, DateValue] | None = None
    ) -> None:
        self.dates = dates or {}  # trigger position -> the date its sentence gives it
        self.at: Counter[int] = Counter()  # position -> triggers there, "co-chaired by" aside
        self.under: Counter[int] = Counter()  # head -> triggers below it, the same aside
        self.meetings = 0
        for t, k in sent_triggers:
            if t.tag_ != "VBN":  # not "..., co-chaired by"
                self.at[t.i] += 1
                self.under[t.head.i] += 1
            self.meetings += GROUPS[k] == "meet"

    def purpose_of_another(self, tok: Token) -> bool:
        """Whether another trigger is tok's head or its verb, or hangs from tok's head."""
        head = tok.head
        own = 1 if tok.tag_ != "VBN" else 0
        return (
            self.at[head.i] > 0
            or self.at[governing_verb(head).i] > 0
            or self.under[head.i] - own > 0
        )


def _asked(tok: Token) -> bool:
    """Whether the trigger's sentence is a question (a briefing's "Q: ...")."""
    return last_token(sentence_of(tok.doc, tok.i)).text == "?"


def _counted(tok: Token) -> bool:
    """ "In total, there are around seven meetings": events counted, none told."""
    be = tok.head
    return (
        tok.tag_ == "NNS"
        and tok.dep_ == "attr"
        and any(c.dep_ == "expl" for c in be.children)
        and any(c.dep_ == "nummod" for c in tok.children)
    )


_OF_A_PRACTICE = frozenset({"mutual", "reciprocal", "regular", "frequent"})


def _a_practice(tok: Token) -> bool:
    """ "the exchange of high-level visits", "regular mutual visits": the events in the
    plural as a practice between two sides, none of them told."""
    if tok.tag_ != "NNS":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "exchange":
        return True
    # (visits alone: "held regular talks on Monday" tells talks held)
    return tok.lemma_ == "visit" and any(
        c.dep_ == "amod" and c.lower_ in _OF_A_PRACTICE for c in tok.children
    )


_OF_A_CUSTOM = frozenset({"traditionally", "usually", "customarily", "normally", "typically"})


def _a_custom(tok: Token) -> bool:
    """ "Traditionally, a new leader pays his first visit to a neighbour": what is done as a
    rule, in the present, none of it told as done."""
    verb = governing_verb(tok)
    return verb.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "advmod" and c.lower_ in _OF_A_CUSTOM for c in verb.children
    )


def _a_return(tok: Token) -> bool:
    """ "arrived back home", "his arrival back in Amman": coming home is no visit."""
    return tok.lemma_.lower() in ("arrive", "arrival", "return") and any(
        c.lower_ in ("back", "home") and c.dep_ in ("advmod", "npadvmod", "prt")
        for c in tok.children
    )


def _a_posting(tok: Token) -> bool:
    """ "a tour of duty", "their duty tour": a posting abroad, no visit."""
    if tok.lemma_.lower() != "tour":
        return False
    duty = [c for c in tok.children if c.dep_ == "compound" and c.lower_ == "duty"]
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    return bool(duty) or any(p.lower_ == "duty" for c in of for p in c.children)


def _for_another(r: EventReader, verb: Token) -> bool:
    """Whether a verb's "for" names an event told on its own ("host X for talks")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(p.i in r.trigger_groups for p in c.children)
        for c in verb.children
    )


def passed_over(r: EventReader, tok: Token, kind: str, here: SentenceTriggers, told: Told) -> bool:
    """Whether a trigger tells no event of its own."""
    if only_a_time_frame(tok) or talk_inside(tok, r.trigger_groups) or about_in_a_document(tok):
        return True
    if a_standing_mechanism(tok):
        return True  # "an MoU to establish a mechanism of consultations": none held
    if _a_practice(tok) or _a_custom(tok):
        return True  # "including the exchange of high-level visits": visits in general
    if kind == "visit" and (_a_return(tok) or _a_posting(tok)):
        # "came back home after the visit to X": the end of that visit; "their tour of
        # duty in X": an envoy's posting
        return True
    if _asked(tok) or _counted(tok):
        # "Is there any update on the talks?": a question reports nothing; "there are
        # around seven bilateral meetings": a count of events, none told
        return True
    if tok.dep_ in ("compound", "nmod") and tok.head.i in r.trigger_groups:
        return True  # "the X Summit follow-up conference": a word of another event's name
    if some_time_ago(tok):
        return True  # "the agreements signed in the past": no day's news
    if tok.pos_ == "VERB" and tok.lemma_.lower() in RECEIVING_VERBS and _for_another(r, tok):
        return True  # "will host X for a summit": the summit is the meeting
    if not_diplomatic(r, tok, kind):
        return True
    if told_again.said_of_it(tok) and (
        kind in told.kinds
        or (GROUPS[kind] == "meet" and "phone-call" in told.kinds)
        or (kind == "summit" and ("talks" in told.kinds or "meeting" in told.kinds))
    ):
        # "It was his first state visit to X": the visit told before; "It was their first
        # talks since ...": the phone talks told before; "... the fourth summit between the
        # two": the summit talks told before
        return True
    if tok.pos_ == "VERB" and parties.object_is_no_party(r, tok):
        return True  # "meeting the demand", "visited the website"
    if (
        tok.lower_ == "visiting"
        and r.called_visiting(tok) is not None
        and any(g == "visit" for i, g in r.trigger_groups.items() if i != tok.i)
    ):
        return True  # "visiting Prime Minister X": the guest of a visit told elsewhere
    verb = tok.pos_ == "VERB"
    if (
        verb
        and tok.dep_ in ("xcomp", "advcl")
        and tok.tag_ == "VB"  # an infinitive of purpose, not "Visiting X, she met"
        and here.purpose_of_another(tok)
        and r.trigger_groups.get(tok.head.i) != "visit"
    ):
        # "held a meeting ... to discuss": the purpose, not another event (but "travels to
        # Toronto to meet business leaders" meets them there: a meeting of the trip)
        return True
    meet = GROUPS[kind] == "meet"
    if verb and tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and meet and here.meetings > 1:
        return True  # "to convene next month, co-chaired by ...": told of that meeting
    return _what_a_call_was_about(r, tok, meet and verb, told, here.dates.get(tok.i))


def _what_a_call_was_about(
    r: EventReader, tok: Token, met: bool, told: Told, day: DateValue | None
) -> bool:
    """ "They discussed trade": what the call told before was about (a statement that tells
    of the call in between: "..., the ministry said in a statement")."""
    last = next((e for e in reversed(told.events) if e.kind != "statement"), None)
    return (
        met
        and plural_subject(tok)
        and last is not None
        and last.kind == "phone-call"
        and not any(r.entity(c) for c in tok.children if c.dep_ == "prep")
        and not opens_since(tok)  # ("the first call since they met in May": its own)
        # ("On December 20, the two held talks in Amman": a day long before the story's,
        # or a place, of its own makes it an encounter of its own)
        and (day is None or recent(day, r.ref) or not _dated_itself(tok))
        and not _a_place_of_its_own(r, tok)
    )


def _dated_itself(verb: Token) -> bool:
    """A date hangs on the verb itself ("On December 20, they held talks"), not on what it
    tells of ("discussed the deal, which took effect in 2019")."""
    return any(
        c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in c.subtree)
        for c in verb.children
    )


def _a_place_of_its_own(r: EventReader, verb: Token) -> bool:
    """ "held talks in Kampala": a place on the verb or on the event it holds (not on what
    is discussed: "discussed developments in Gaza")."""
    nouns = lexicon()["nouns"]
    held = (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns)
    heads = [verb, *held]
    return any(
        (e := r.entity(p)) is not None and e.kind == PLACE
        for h in heads
        for c in h.children
        if c.dep_ == "prep"
        for p in c.children
    )

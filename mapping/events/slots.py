"""The tokens of a clause that may name an event's parties, read off the parse alone: the
trigger's own words of who takes part, the governing verb's subject and objects and the
subjects it shares, those "accompanied by" a party (witnesses: events/base.py), and the tests
that keep a slot out (an honour's addressee, a document's participle dated years before).
The event reader (events/reader.py) turns them into entities."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from communique.mapping.events.base import words
from communique.mapping.events.governing import finite_under_its_subject
from communique.mapping.events.offices import plural_office

_TALKED_ABOUT = words("talked_about_verbs")


def name_head(t: Token) -> Token:
    """The head word of the name t is part of ("Jomo" of "Jomo Wanjala": "Wanjala")."""
    while t.dep_ == "compound" and t.head != t:
        t = t.head
    return t


def honoured(t: Token) -> bool:
    """ "paid tribute to X", "laid a wreath at the mausoleum of X": X is honoured, no party
    to the event."""
    t = name_head(t)
    prep = t.head
    if t.dep_ == "pobj" and prep.lower_ == "of":
        return prep.head.lemma_.lower() in words("memorial_nouns")
    if t.dep_ != "pobj" or prep.lower_ != "to":
        return False
    # the parser hangs "to X" on the noun or on the verb it is the object of ("pay tribute")
    return any(w.lemma_.lower() in words("honour_nouns") for w in (prep.head, *prep.head.children))


def inviting(t: Token) -> bool:
    """ "at the invitation of X": X invited the one who travels, and is no party to the
    visit (the host's meetings are told of their own)."""
    t = name_head(t)
    of = t.head
    return t.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "invitation"


def invited(verb: Token) -> list[Token]:
    """ "the invitation to X to visit Y", "an invitation for X to visit": X, who would make
    the visit the invitation names (the parser hangs "to X" and "to visit" on the noun or on
    the verb whose object it is: "renewed the invitation")."""
    head = verb.head
    if verb.dep_ == "acl" and head.lemma_.lower() == "invitation":
        holders = [head]
    elif verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VB":
        holders = [
            c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() == "invitation"
        ]
        holders += [head] if holders else []
    else:
        return []
    return [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
            for p in c.children]  # fmt: skip


def cited(t: Token) -> bool:
    """ "according to X" (or to "the ministry's acting spokesman, X", from any word of the
    name or its title): X is the source of what is told, no party to it."""
    for _ in range(5):
        if t.dep_ not in ("compound", "amod", "poss", "appos") or t.head is t:
            break
        t = t.head
    to = t.head
    return t.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def controller_objects(verb: Token) -> list[Token]:
    """ "invited X to visit": the objects of the verb an infinitive completes, who do what
    it tells."""
    return [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []


def controller_subjects(verb: Token) -> list[Token]:
    """ "X is expected to meet Y", "X is scheduled to call on Y": an infinitive without a
    subject of its own has the subject of the verb it completes (not when that verb has an
    object: "invited Y to visit" is Y's visit); "X is due to meet Y": of the copula of the
    adjective it completes."""
    controller = verb
    for _ in range(3):
        if controller.dep_ != "xcomp" or controller.head == controller:
            break
        if any(c.dep_.startswith("nsubj") for c in controller.children):
            break
        controller = controller.head
        if any(c.dep_ in ("dobj", "iobj") for c in controller.children):
            return []
    if controller == verb:
        return []
    if controller.dep_ == "acomp" and controller.pos_ == "ADJ":
        controller = controller.head
    subjects = [c for c in controller.children if c.dep_.startswith("nsubj")]
    if controller.dep_ == "relcl" and any(c.lower_ in _RELATIVES for c in subjects):
        return [antecedent(controller)]  # "X, who is due to visit Y next week": X
    if not subjects and controller.dep_ == "conj":
        # "X arrived on Monday and is scheduled to call on Y": the subject it shares
        return shared_subjects(controller)
    return subjects


_RELATIVES = frozenset({"who", "which", "that"})
_HOLDING = words("holding_verbs")


def of_objects(tok: Token, preps: tuple[str, ...] = ("of",)) -> list[Token]:
    """The objects of the trigger's "of" ("the visit of the Swedish King"), or of `preps`."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]


def between(t: Token) -> bool:
    """Whether the name at t is an object of "between" ("talks between A and B")."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "between"


def paired_subjects(t: Token) -> bool:
    """Whether the name at t is one of two or more joined subjects ("Tehran and Washington
    held talks"): capitals so paired are the governments seated there, as sides."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in t.children)


def own_slots(tok: Token) -> list[Token]:
    """The trigger's own words of who takes part: its possessor and modifiers, its
    `with`/`between`/`by` objects, a body its ministers sit for, whom a call is on."""
    slots: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            slots.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "among"):
            slots.extend(c.children)
            # "met with X and with Y": the conjoined phrase's object too
            slots.extend(p for d in c.conjuncts if d.dep_ == "conj" for p in d.children)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN":
            # "a meeting of EU foreign ministers": the body they sit for
            slots.extend(p for p in c.children if plural_office(p))
        elif c.dep_ == "prep" and c.lower_ == "on" and tok.lemma_.lower() == "call":
            slots.extend(c.children)  # "paid a courtesy call on him": the one called on
        elif c.dep_ == "acl":  # "a statement released by the ministry"
            slots.extend(a for g in c.children if g.dep_ == "agent" for a in g.children)
    return slots


def verb_slots(verb: Token) -> list[Token]:
    """The governing verb's subject and objects, and the subjects it shares."""
    slots: list[Token] = []
    # "discussed the Ethiopian dam": what is talked about takes no part
    topic_verb = verb.lemma_.lower() in _TALKED_ABOUT
    for c in verb.children:
        if c.dep_ == "dobj" and topic_verb:
            continue
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            slots.append(c)
            # ("World leaders including X and Y attended": those the plural one includes)
            slots.extend(p for i in c.children if i.lower_ == "including" for p in i.children)
        elif c.dep_ == "agent" and verb.lemma_.lower() not in _HOLDING:
            slots.extend(c.children)  # "was received by Pope X" (not "hosted by")
        # "X, who presented her credentials", "X, who was greeted by Y": X (not what "was
        # followed by" a meeting)
        passive_who = c.dep_ == "nsubjpass" and c.lower_ == "who"
        if (c.dep_ == "nsubj" or passive_who) and verb.dep_ == "relcl" and c.lower_ in _RELATIVES:
            slots.append(antecedent(verb))
        if c.dep_ == "dobj":  # "held talks with the US Secretary of State"
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "between"):
                    slots.extend(p.children)
        elif c.dep_ == "prep" and c.lower_ in ("with", "between", "by"):
            slots.extend(c.children)
        elif gapped_object(c):
            slots.append(c)  # "will meet X in Tokyo and Y in Seoul": the verb left out
        elif misread_visiting(c):
            slots.extend(d for d in c.children if d.dep_ == "dobj")
    slots.extend(shared_subjects(verb))
    slots.extend(controller_subjects(verb))
    if finite_under_its_subject(verb):
        slots.append(verb.head)
    return slots


def gapped_object(c: Token) -> bool:
    """Y of "will meet X in Tokyo and Y in Seoul": a person's name conjoined with the verb
    that has an object, its own verb left out."""
    return (
        c.dep_ == "conj"
        and c.ent_type_ == "PERSON"
        and c.head.pos_ == "VERB"
        and any(d.dep_ == "dobj" for d in c.head.children)
    )


def misread_visiting(c: Token) -> bool:
    """ "visiting" of "received visiting Foreign Minister X", "received at the palace on
    Tuesday visiting President X": the adjective before the guest's title, which the parser
    took for a verb under the one it follows (the object that one lacks is this one's)."""
    verb = c.head
    return (
        c.dep_ in ("xcomp", "advcl")
        and c.lower_ == "visiting"
        and c.i > verb.i
        and not any(d.dep_ == "dobj" for d in verb.children)
    )


def shared_subjects(verb: Token) -> list[Token]:
    """The subject a verb without one shares with the verb it is joined to: "paid a visit
    ... and met X", "Speaking at a briefing, X said"; up a chain of such verbs and through
    one completed ("is expected to travel to K to meet X and visit Y": the one expected)."""
    t = verb
    for _ in range(3):
        # (a subject after a joined verb with no object is its object, misread: "paid his
        # respects and later met Prime Minister X")
        own = [c for c in t.children if c.dep_.startswith("nsubj")]
        misread = (
            t.dep_ == "conj"
            and own
            and all(c.i > t.i for c in own)
            and not any(c.dep_ == "dobj" for c in t.children)
        )
        if t.dep_ not in ("conj", "advcl") or (own and not misread):
            return []
        t = t.head
        subjects = [c for c in t.children if c.dep_.startswith("nsubj")]
        if subjects or (subjects := controller_subjects(t)):
            return subjects
    return []


def antecedent(relcl: Token) -> Token:
    """What the relative pronoun of a clause stands for: the noun the clause hangs from, or,
    for "who" hung from a noun inside a title ("X, Minister of Y of the Z Republic, who
    is ..."), the name that title stands in apposition to."""
    head = relcl.head
    who = next((c for c in relcl.children if c.lower_ == "who"), None)
    if head.ent_type_ == "PERSON" or who is None:
        return head
    before = who.i - 1 - (who.i >= 1 and who.doc[who.i - 1].text == ",")
    if before > head.i and who.doc[before].ent_type_ == "PERSON":
        # "held talks with X, who is on a visit": the name right before, where the parser
        # hung the clause on a noun further back
        return who.doc[before]
    t = head
    for _ in range(_TITLE_DEPTH):
        if t.dep_ == "appos":
            return t.head
        if t.dep_ not in ("pobj", "prep", "conj", "compound"):
            break
        t = t.head
    return head


_TITLE_DEPTH = 8  # the words a title may put between its name and a relative clause


def companions(slots: list[Token]) -> list[Token]:
    """ "met X, accompanied by Y": Y takes part with X."""
    return [
        a
        for s in slots
        for c in s.children
        if c.dep_ == "acl" and c.lemma_.lower() == "accompany"
        for g in c.children
        if g.dep_ == "agent"
        for a in g.children
    ]


def event_named_by(t: Token) -> Token | None:
    """The noun whose possessor, modifier or "with"/"between" object the name at t is."""
    while t.dep_ == "compound" and t.head.pos_ == "PROPN":
        t = t.head  # (from "Tomas" to "Reyes")
    if t.dep_ in ("poss", "compound"):
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("with", "between"):
        return t.head.head
    return None


def clauses_of_other_events(tok: Token, verb: Token, triggers: Container[int]) -> list[range]:
    """ "The visit comes a week after X held talks with Y": the clauses below the verb that
    tell an event of their own (`triggers`: the triggers' positions); X and Y are that
    event's, not the visit's."""
    return [
        range(c.left_edge.i, c.right_edge.i + 1)
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp")
        and c.i in triggers
        and not c.left_edge.i <= tok.i <= c.right_edge.i
    ]

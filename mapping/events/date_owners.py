"""Whose a date is when it is no event's of its clause: a thing's ("the soldiers of 1920"),
one day of a longer event ("the second day of a visit"), an event days away from it ("on
Thursday, a day after his talks"), a verb's object's ("the accord,
which takes effect next year"), the saying's ("..., the presidency announced on Tuesday"),
or the start of a period ("since taking office in October"); and the deeds of a day of
their own, no news of the article's: a participle dated in an earlier year ("the
declaration signed in 2021") or told as done some time ago ("signed in the past")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.mapping.events.base import words as event_words
from communique.mapping.events.clauses import ClauseTriggers
from communique.mapping.events.tense import words
from communique.mapping.nlp.language import sentence_of, tokens_of
from communique.mapping.nlp.tree import tree_of

# the verbs that make something known: a date on them is the day it was said or announced
MAKING_KNOWN = words("say_verbs") | words("announcing_verbs")
# the verbs that decide or make known an event ahead: a date on them is the decision's
_DECIDING_ONLY = words("deciding_verbs")
_DECIDING = words("announcing_verbs") | _DECIDING_ONLY
# how the event decided hangs on the verb: "agreed on the visit", "announced the visit",
# "decided to hold a summit" (not "agreed ... at a meeting", where the deciding took place)
_DECIDED = frozenset({"dobj", "xcomp", "ccomp"})


def not_decided(
    triggers: list[Token], verb: Token | None, instead: list[Token] | None = None
) -> list[Token]:
    """The triggers a date on a verb of deciding dates (all, with no such verb): not the
    event decided, but where the deciding took place ("agreed on the visit on Monday at a
    meeting": the meeting, one of `instead` when `triggers` hold none)."""
    if verb is None or not triggers:
        return triggers
    parent = tree_of(verb.doc).parent
    kept = [t for t in triggers if not decided_upon(t, verb, parent)]
    if kept or instead is None:
        return kept
    return [t for t in instead if not decided_upon(t, verb, parent)]


def decided(t: Token) -> bool:
    """Whether the event t names is one its nearest verb decides or makes known."""
    verb = next((a for a in t.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and decided_upon(t, verb, tree_of(t.doc).parent)


def decided_upon(t: Token, head: Token, parent: list[int]) -> bool:
    """ "agreed on the visit on Wednesday", "announced on Monday the visit of X", "decided
    on Monday to hold a summit": the event a date's verb decides or makes known, which
    takes no day from it (`parent`: the dependency tree's parent of each token)."""
    if head.lemma_.lower() not in _DECIDING or t.i == head.i:
        return False
    i, doc = t.i, t.doc
    while parent[i] != i and parent[i] != head.i:
        i = parent[i]
        if doc[i].dep_ == "prep" and doc[i].lower_ not in ("on", "upon", "of", "for"):
            return False  # "agreed ... during talks in Oslo": where the deciding took place
    if parent[i] != head.i:
        return False  # (not below the verb)
    below = doc[i]
    if below.dep_ == "ccomp":
        # ("X and Y have signed a pact, the ministry announced on Thursday": the news of a
        # deed, told on its day)
        return head.lemma_.lower() in _DECIDING_ONLY
    return below.dep_ in _DECIDED or below.dep_ == "prep" and below.lower_ in ("on", "upon")


def a_day_of(t: Token) -> int | None:
    """ "the second day of a state visit": the number of the day of the event t told there
    (0 when it is not said, "the last day"); None when t is no such frame."""
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.lemma_.lower() != "day":
        return None
    for c in t.head.head.children:
        if c.dep_ == "amod" and (n := _DAY_NUMBERS.get(c.lower_)):
            return n
    return 0


_DAY_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def days_apart(t: Token) -> int | None:
    """ "on Thursday, a day after his talks": the days from the date to the event t told
    there (negative: before it, as after "after"); None when t is no such frame."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in ("after", "before"):
        return None
    day = prep.head
    if day.lemma_.lower() != "day" or day.dep_ not in ("npadvmod", "appos"):
        return None
    count = next((_COUNTS.get(c.lower_) for c in day.children if c.dep_ in ("det", "nummod")), None)
    if count is None:
        return None
    return -count if prep.lower_ == "after" else count


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3}


_RANGE = frozenset(("from", "since", "between"))


def of_a_thing(root: Token, index: ClauseTriggers) -> bool:
    """A date after "of" that a noun other than an event or a time owns ("the soldiers of
    1920", "the events of 2014"; not "the end of May", "the evening of 12 May"), or after
    "in" in a range of such things ("from the first patrol in 2019 up to the newest")."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "in") or prep.i == root.i:
        return False
    owner = prep.head
    if prep.lower_ == "in" and not (owner.dep_ == "pobj" and owner.head.lower_ in _RANGE):
        return False
    return (
        owner.pos_ in ("NOUN", "PROPN")
        and owner.ent_type_ not in ("DATE", "TIME")
        and not index.at(owner.i)
    )


def reported_above(head: Token, nearest: Token, index: ClauseTriggers) -> bool:
    """ "X will visit Kenya from March 20, the presidency announced on Tuesday", with the
    saying parsed as a clause below the event: a date of a reporting verb that is no event
    of its own dates the report, not the event above it."""
    return (
        head.lemma_.lower() in MAKING_KNOWN
        and head.i not in index.heads  # keyed by trigger: the saying is no event
        and index.tree.is_ancestor(nearest, head)
    )


def said_before_the_subject(span: Span, head: Token) -> bool:
    """ "X said on Tuesday he would travel to Y this week": a date between the saying and
    the subject of what is said dates the saying, wherever the parser hangs it."""
    saying = head.head
    if head.dep_ != "ccomp" or saying.lemma_.lower() not in MAKING_KNOWN:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return saying.i < span.start and any(span.end <= s.i for s in subjects)


_SIDES = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})  # the model's names of sides
_DOCUMENTS = event_words("documents")  # (an agreement's name the model may call a body's)


def of_an_object(head: Token, index: ClauseTriggers) -> bool:
    """A relative clause with no event of its own that tells of a verb's object ("signed
    the accord, which takes effect next year"): its dates are the object's, no event's. (A
    clause hung on a name inside an event's phrase, "talks between X and Y, which start in
    May", is the event's: the parser hangs it on the nearest noun.)"""
    antecedent = head.head
    # (or of a thing after a preposition: "reviewed progress on the agreement that came into
    # force last year"; not a side's name: "talks between X and Y, which start in May")
    thing = antecedent.dep_ == "dobj" or (
        antecedent.dep_ == "pobj"
        and (antecedent.ent_type_ not in _SIDES or antecedent.lemma_.lower() in _DOCUMENTS)
        and antecedent.head.lower_ not in ("between", "with", "of")
    )
    return (
        head.dep_ == "relcl"
        and thing
        and not index.at(antecedent.i)
        and not index.of_clause_or_head(head)
    )


def since(root: Token) -> bool:
    """The date is the start of a period ("since taking office in October"), no event's."""
    # the answer from a token up depends on that token alone: kept per doc, so that the
    # dates of a long chain of clauses do not each walk the whole chain
    known: dict[int, bool] = root.doc.user_data.setdefault("communique_since", {})
    toks, parent = tokens_of(root.doc), tree_of(root.doc).parent
    path, i, answer = [], root.i, False
    for _ in range(len(toks)):
        if i in known:
            answer = known[i]
            break
        path.append(i)
        t = toks[i]
        if t.lower_ == "since" or opens_since(t):
            answer = True
            break
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "dobj", "attr", "ROOT"):
            break  # reached the event's own phrase
        if parent[i] == i:
            break
        i = parent[i]
    known.update(dict.fromkeys(path, answer))
    return answer


def opens_since(trigger: Token | None) -> bool:
    """Whether a trigger is the verb of a "since" clause ("the first call since they met in
    May"): an earlier event, told with its own date."""
    return trigger is not None and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in trigger.children
    )


def of_going_before_or_after(root: Token) -> bool:
    """ "will also visit Chengdu before returning home on December 7": the day of a return or
    a departure framed by "before" or "after" is that of the going, not of the event."""
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in ("before", "after")
        and verb.lemma_.lower() in _GOING
    )


_GOING = event_words("departure_verbs") | {"return"}


def of_what_it_followed(span: Span, index: ClauseTriggers) -> bool:
    """ "met ... following his election win last month": a date written right after the
    noun (no event's) that "following" or "after" frames is that noun's, however the parser
    hangs it."""
    if span.start == 0 or span.root.dep_ != "npadvmod":
        return False
    noun = span.doc[span.start - 1]
    frame = noun.head if noun.dep_ in ("pobj", "dobj") else None
    return (
        noun.pos_ == "NOUN"
        and not index.at(noun.i)
        and frame is not None
        and frame.lower_ in ("following", "after", "since")
        and frame.i < noun.i
    )


def by_then(root: Token) -> bool:
    """ "agreed to finalize an agreement by mid-2027", "by the end of the year", "talks are
    due before the winter": a deadline, the day of no event."""
    return root.dep_ == "pobj" and root.head.lower_ in ("by", "before") and root.head.dep_ == "prep"


def of_agreeing(root: Token) -> bool:
    """A date hung on a verb of agreeing ("agreed on Thursday to hold a summit next year"):
    the day of agreeing, read after the plan's own date."""
    verb = next((a for a in root.ancestors if a.pos_ == "VERB"), sentence_of(root.doc, root.i).root)
    return verb.lemma_.lower() in _AGREEING


_AGREEING = frozenset({"agree", "decide", "resolve"})


def dated_participle(tok: Token, year: int) -> bool:
    """A participle after its noun, dated in a year before `year` (the article's): "the
    declaration signed in 2021", "the accords signed in January 1992" (not "the agreement
    signed in February", which those who review it may have signed)."""
    # (the tagger may take the participle for a past tense, hung on a noun that is no
    # subject: "reviewed the implementation of the X Treaty signed in 2024")
    participle = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.head.dep_ != "ROOT")
    return (
        participle
        and tok.dep_ == "acl"
        and any(
            t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and int(t.text) < year
            for c in tok.children
            if c.dep_ != "agent"
            for t in c.subtree
        )
    )


def some_time_ago(tok: Token) -> bool:
    """A participle after its noun told only as done some time before: "the agreements
    signed with X in the past", "the accords previously reached", "the deals signed over the
    years" (no day's news; "signed earlier today" is one)."""
    if _of_an_anniversary(tok):
        return True  # "the 30th anniversary of the signing of X": long past, marked today
    # (the tagger may take the participle for a past tense)
    if tok.tag_ not in ("VBN", "VBD") or tok.dep_ != "acl":
        return False
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in ("previously", "formerly", "once"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "over"):
            objects = {p.lower_ for p in c.children if p.dep_ == "pobj"}
            if objects & {"past", "years", "decades"}:
                return True
    return False


def _of_an_anniversary(tok: Token) -> bool:
    """ "the 30th anniversary of the signing of X": an event long past whose day is marked."""
    prep = tok.head
    return (
        tok.dep_ in ("pobj", "pcomp")
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in ("anniversary", "centenary", "jubilee")
    )

"""The clause a trigger is told in, and a sentence's triggers indexed by clause: what the
date readers of dates.py ask of each date (the trigger it hangs from, those of its clause,
those still to come) in time that does not grow with the square of a long sentence."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from communique.mapping.events import tense
from communique.mapping.events.base import governing_verb
from communique.mapping.events.scheduled import is_scheduled
from communique.mapping.nlp.language import tokens_of
from communique.mapping.nlp.tree import tree_of
from communique.mapping.values.dates.value import DateValue

# a participle or infinitive belongs to the clause of the verb it hangs from when the
# question is *when*: "signed agreements in areas ranging ... on Tuesday", "is scheduled
# to travel to Busan on Wednesday to meet ..."
_NON_CLAUSE_DEPS = {"amod", "compound", "xcomp", "pcomp", "auxpass", "aux"}
_OWN = {"nsubj", "nsubjpass", "aux", "auxpass"}  # what a clause of its own has


def _opens_a_span(t: Token) -> bool:
    """ "starting (on) August 28", "beginning Monday": the parser makes it a preposition or
    a participle clause."""
    return (
        t.dep_ in ("prep", "advcl")
        and t.tag_ == "VBG"
        and t.lemma_.lower() in tense.words("starting_verbs")
    )


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds tok (participles and infinitives do not count)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and not _dependent_verb(t):
            return t
        if t.head == t:
            return t
        t = t.head
    return t


def _dependent_verb(t: Token) -> bool:
    if t.dep_ in _NON_CLAUSE_DEPS and t.head != t:
        return True
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return True  # "areas ranging from ...", but "the MoU signed in December" is an event
    if _opens_a_span(t) and not any(c.dep_ in _OWN for c in t.children):
        return True  # "a visit to X starting (on) August 28": a participle for a preposition
    # "travelled to Cairo to meet ...": an infinitive of purpose shares its verb's time
    return t.dep_ == "advcl" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children)


class ClauseTriggers:
    """A sentence's triggers indexed for the questions each of its dates asks, so that a
    long sentence with many dates and triggers costs no more than its parts told apart."""

    def __init__(self, sent: Span, trig: list[tuple[Token, str]], roots: list[int]) -> None:
        doc = sent.doc
        self.trig, self.tree = trig, tree_of(doc)
        self.heads = {t.i: clause_head(t) for t, _ in trig}
        self._at: dict[int, list[Token]] = {}  # position -> its triggers
        self._clause: dict[int, list[Token]] = {}  # clause verb -> its triggers, in order
        self._order: dict[int, int] = {}  # id of a trigger -> its place in trig
        self._ends: dict[int, Token] = {}  # where a titled event name ends -> its trigger
        for n, (t, _) in enumerate(trig):
            self._at.setdefault(t.i, []).append(t)
            self._order[id(t)] = n
            self._clause.setdefault(self.heads[t.i].i, []).append(t)
            if t.pos_ in ("NOUN", "PROPN") and t.is_title:
                self._ends.setdefault(_name_end(t), t)
        # (the first trigger at a position stands for it, as max() keeps the first of equals)
        above = self.tree.marked_above(self._at, roots)
        self._above = {
            i: self._at[b if b is not None else a][0]
            for i, (b, a) in above.items()
            if (b, a) != (None, None)
        }
        self._sorted = all(a.i <= b.i for (a, _), (b, _) in zip(trig, trig[1:], strict=False))
        self._planned: dict[int, list[Token]] = {}
        self._scheduled: dict[int, bool] = {}
        self._shared: dict[int, DateValue | None] = {}

    def at(self, i: int) -> list[Token]:
        """The triggers at position i (none if no trigger is there)."""
        return self._at.get(i, [])

    def nearest_above(self, root: Token) -> Token | None:
        """The trigger the date hangs from that is nearest before it, else nearest after."""
        return self._above.get(root.i)

    def named_before(self, span: Span) -> list[Token]:
        """ "the NATO Summit in Washington in July", the date hung elsewhere by the parser:
        still the date of the event named right before it."""
        doc = span.doc
        i = span.start - 1
        if i >= 0 and doc[i].lower_ in ("in", "on"):
            i -= 1
        return [self._ends[i]] if i in self._ends else []

    def of_clause_or_head(self, head: Token) -> list[Token]:
        """The triggers of head's clause, and head itself if it is one, in sentence order."""
        found = self._clause.get(head.i, []) + self._at.get(head.i, [])
        unique = {id(t): t for t in found}
        return sorted(unique.values(), key=lambda t: self._order[id(t)])

    def planned(self, head: Token) -> list[Token]:
        """The triggers of head's clause that tell of something still to come."""
        if head.i not in self._planned:
            clause = self._clause.get(head.i, [])
            self._planned[head.i] = [t for t in clause if self.scheduled(t)]
        return self._planned[head.i]

    def scheduled(self, t: Token) -> bool:
        if t.i not in self._scheduled:
            self._scheduled[t.i] = is_scheduled(t)
        return self._scheduled[t.i]

    def planned_here(self, t: Token, head: Token) -> bool:
        """Scheduled, and not as the purpose of what head tells as done."""
        return self.scheduled(t) and not tense.for_a_purpose(t, head, governing_verb(t))

    def last_below(self, head: Token, end: int) -> list[Token]:
        """The last trigger before position `end` that head's clause holds below it."""
        if not self._sorted:
            below = [t for t, _ in self.trig if t.i < end and self.tree.is_ancestor(head, t)]
            return below[-1:]
        # in text order: look back from `end`, no further than head's leftmost descendant
        low = self.tree.low[head.i]
        for k in range(bisect_left(self.trig, end, key=lambda tk: tk[0].i) - 1, -1, -1):
            t = self.trig[k][0]
            if t.i < low:
                break
            if self.tree.is_ancestor(head, t):
                return [t]
        return []

    def conjunct_date(self, t: Token, of_clause: dict[int, DateValue]) -> DateValue | None:
        """The date said of a clause conjoined with t's, if t's own said none (one its own
        said of another of its triggers is not t's, nor is its neighbour's then)."""
        h = self.heads[t.i]
        if h.i in of_clause:
            return None
        if h.i not in self._shared:
            # (and "will pay a visit on Wednesday, meeting X": a participle's, its verb's)
            linked = [h.head] if h.dep_ == "conj" or _participle_of(h) else []
            linked += _where_of(h)
            linked += [c for c in h.children if c.dep_ == "conj"]
            found = (of_clause[o.i] for o in linked if o.i in of_clause)
            self._shared[h.i] = next(found, None)
        return self._shared[h.i]


def _where_of(h: Token) -> list[Token]:
    """ "visited Uganda, where they signed ...": the verb whose place a "where" clause tells
    of, what was done there then (told in the past: not "where she will sign ...")."""
    if h.tag_ != "VBD" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in h.children):
        return []
    if h.dep_ in ("advcl", "ccomp"):  # (the parser may take it for the verb's complement)
        return [h.head]
    verb = next((a for a in h.head.ancestors if a.pos_ == "VERB"), None)
    return [verb] if h.dep_ == "relcl" and verb is not None else []


def _participle_of(h: Token) -> bool:
    """ "arrived on Monday, meeting X": a participle's clause hung on the verb it goes on."""
    return h.dep_ == "advcl" and h.tag_ == "VBG" and h.i > h.head.i and h.head.pos_ == "VERB"


def _name_end(t: Token) -> int:
    """Where the name a titled trigger opens ends: "the Summit in Washington" is one."""
    doc, end = t.doc, t.i
    if end + 2 < len(doc) and doc[end + 1].lower_ in ("in", "at") and doc[end + 2].is_title:
        end = _title_runs(doc)[end + 2]
    return end


def _title_runs(doc: Doc) -> list[int]:
    """For each token, the last of the run of title-case words it begins (built once)."""
    runs = doc.user_data.get("communique_title_runs")
    if runs is None:
        toks = tokens_of(doc)
        runs = [0] * len(toks)
        stop = len(toks)  # the first word at or after the current one that is no title
        for t in reversed(toks):
            stop = stop if t.is_title else t.i
            runs[t.i] = stop - 1
        doc.user_data["communique_title_runs"] = runs
    return runs


def in_a_relcl(t: Token, head: Token) -> bool:
    """Whether t stands in a relative clause below head."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


def relcls(sent: Span) -> list[Token]:
    """The heads of the sentence's relative clauses."""
    return [t for t in sent if t.dep_ == "relcl"]

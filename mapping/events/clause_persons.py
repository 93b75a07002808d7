"""The persons of an event's clause, read when its own words name too few: but for one who
reports it, one honoured, inviting or cited, and a party to another event named there; and
whether the verb's own slots count at all (not a reporter's, when the event names its two
parties). A part of the event reader (events/reader.py), which inherits it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.mapping.entities.entity import Entity
from communique.mapping.events.base import REPORTING
from communique.mapping.events.sayings import reporting_subject
from communique.mapping.events.slots import (
    between,
    cited,
    clauses_of_other_events,
    event_named_by,
    honoured,
    inviting,
)
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON
from communique.mapping.nlp.language import tokens_of

# The longest sentence of the corpora is about 70 tokens. A clause longer than this is a run
# of clauses the parser nested under one another ("..., and ..., and ..."): only the words
# this near the trigger are read as its clause, so that each event of a long run does not
# read (and list the persons of) all the rest of it.
CLAUSE_TOKENS = 200


class ClausePersons:
    """Mixed into EventReader: the persons of a trigger's clause."""

    doc: Doc
    by_token: dict[int, Entity]
    trigger_groups: dict[int, str]

    def _persons_of_clause(self, tok: Token, verb: Token, sent: Span) -> list[Entity]:
        """The persons of the trigger's clause, but for one who reports it, one honoured,
        inviting or cited, and a party to another event named there."""
        verb_tokens = self._clause_tokens(tok, verb, sent)
        clause = []
        toks = tokens_of(self.doc)
        # "Karimova's state visit", "a day after her talks with X": a party to that other event
        elsewhere = {
            id(self.by_token[i])
            for i in verb_tokens
            if i in self.by_token and (other := event_named_by(toks[i])) is not None
            and other.i in self.trigger_groups and other.i != tok.i
        }  # fmt: skip
        others = clauses_of_other_events(tok, verb, self.trigger_groups)
        for i in verb_tokens:
            e = self.by_token.get(i)
            if e is None or e.kind not in (PERSON,) or e in clause or any(i in c for c in others):
                continue
            t = toks[i]
            # (asked of the name's head: "spokesperson Lin Hao said", "Lin" hung on "Hao")
            if reporting_subject(t) or t.dep_ == "nsubjpass" and t.head.lemma_.lower() in REPORTING:
                continue
            if id(e) in elsewhere or honoured(t) or inviting(t) or cited(t):
                elsewhere.add(id(e))  # (whichever word of its mention tells it)
                continue
            clause.append(e)
        return clause

    def _clause_tokens(self, tok: Token, verb: Token, sent: Span) -> range:
        """The verb's phrase (the parse is projective: a subtree is the span between its
        edges), else the sentence; no more than CLAUSE_TOKENS around the trigger."""
        if verb.pos_ in ("VERB", "AUX"):
            lo, hi = verb.left_edge.i, verb.right_edge.i + 1
        else:
            lo, hi = sent.start, sent.end
        if hi - lo > CLAUSE_TOKENS:
            half = CLAUSE_TOKENS // 2
            lo, hi = max(lo, tok.i - half), min(hi, tok.i + half)
        return range(lo, hi)

    def _reported_with_own(self, tok: Token, verb: Token, own: list[Token]) -> bool:
        """ "the ministry said after consultations between X and Y": an event that names
        its own two persons, told below a saying verb, is not the sayer's; nor one "between"
        two parties below any verb ("thanked Oman for facilitating talks between Tehran and
        Washington")."""
        if verb == tok:
            return False
        if verb.lemma_.lower() not in REPORTING:
            return self._apart(own)
        return len(self.entities_at(own, (PERSON,), expand=True)) >= 2

    def _apart(self, own: list[Token]) -> bool:
        """Whether the event's own "between" names two parties or more."""
        apart = [t for t in own if between(t)]
        return len(self.entities_at(apart, (PERSON, ORG, COUNTRY), expand=True)) >= 2

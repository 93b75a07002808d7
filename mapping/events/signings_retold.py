"""A signing told again: one ceremony that signed several documents told document by
document, "signed the agreement" after the signing told, the documents told before signed
by the ministers named now."""

from __future__ import annotations

from communique.mapping.events.base import Event, words
from communique.mapping.events.retold import distinct, persons_of
from communique.mapping.mentions.finder import COUNTRY, ORG, PERSON


def same_signing(ev: Event, signings: list[Event]) -> Event | None:
    """ "... were signed between two ministries", told with no persons after a signing of the
    day: one ceremony signed all the documents, not one signing per document."""
    if ev.scheduled or persons_of(ev) or distinct(ev):
        return None
    if any(c.dep_ in ("agent", "nsubj") for c in ev.trigger.children):
        # "was signed by the heads of both institutions", "the two banks concluded an
        # agreement": signatories of its own
        return None
    bodies = {id(p) for p in ev.participants if p.kind == ORG}
    for k in reversed(signings):
        if k.scheduled:
            continue
        theirs = {id(p) for p in k.participants if p.kind == ORG}
        if bodies and theirs and not bodies & theirs:
            continue  # ("a contract signed by A and B; an MoU signed between C and D": two)
        both_undated = k.date is None and ev.date is None
        if _same_day(ev, k) or both_undated:
            return k
    return None


def signing_retold(ev: Event, k: Event, persons: bool) -> bool:
    """ "X and Y signed ... on Monday. A and B signed the agreement ...": the signing k told
    again (or "have signed", dated by the dateline, then "was signed on Monday"), unless
    both name their signatories (but "the signing" told with those of the first)."""
    k_persons = any(p.kind == PERSON for p in k.participants)
    if signed_nothing_named(ev) and (_same_day(ev, k) or ev.date is None and k.date is None):
        return True  # "A signed on behalf of X, while B signed for Y": who signed it
    if persons and k_persons and _same_day(ev, k) and _the_documents_signed(ev):
        # "signed five agreements at a ceremony witnessed by A and B. The agreements were
        # signed by the two ministers, C and D": who signed the documents told before
        return True
    if persons and k_persons and k.date is None and _told_by_countries(k):
        # ("A and B have signed five agreements during X's visit", then "The deals, signed on
        # Tuesday in the presence of X and Y": the signing told first, with all of its people)
        return persons_of(k) <= persons_of(ev)
    if persons and k_persons:
        # ("X said at the signing ceremony": the ceremony told, X one of those there)
        return ev.anaphoric and persons_of(ev) <= persons_of(k)
    if k.date is None:
        # ("A and B have signed an MoU", undated and told by the countries alone; "The MoU
        # was signed by X and Y on Thursday")
        return ev.date is None or (not k.scheduled and persons)
    filed = k.dateline_day and ev.date is not None and ev.date.value <= k.date.value
    return k.date.precision == "day" and (ev.date in (None, k.date) or filed)


def _told_by_countries(k: Event) -> bool:
    return sum(p.kind == COUNTRY for p in k.participants) >= 2


def _same_day(ev: Event, k: Event) -> bool:
    """k is told with its day, and ev with that day or none."""
    return k.date is not None and k.date.precision == "day" and ev.date in (None, k.date)


def _the_documents_signed(ev: Event) -> bool:
    """ "The agreements were signed by ...": the documents told before, in the passive."""
    return any(
        c.dep_ == "nsubjpass"
        and c.tag_ == "NNS"
        and c.lemma_.lower() in words("documents")
        and any(d.dep_ == "det" and d.lower_ in ("the", "these", "all") for d in c.children)
        for c in ev.trigger.children
    )


def signs_what_was_told(ev: Event) -> bool:
    """ "signed the agreement", "signed it", "the signing": a signing told before."""
    tok = ev.trigger
    if tok.pos_ != "VERB":
        return ev.anaphoric
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "The deals, signed on Tuesday, ..."
        return any(d.dep_ == "det" and d.lower_ in ("the", "these") for d in tok.head.children)
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c.lower_ in ("it", "them") or any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these") for d in c.children
            )
    return signed_nothing_named(ev)


def signed_nothing_named(ev: Event) -> bool:
    """ "A signed on behalf of X", "B signed for her country": a verb of signing with no
    document, told after the documents were."""
    tok = ev.trigger
    return (
        tok.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp", "attr") for c in tok.children)
    )

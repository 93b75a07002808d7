"""Topics: the cooperation areas an article names, as concepts of the topic scheme, whose
labels and altLabels are the surface forms looked for (area_forms.py), each kept where it
names an area (area_context.py) and given to the events or agreements told with it."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from communique.mapping.concepts import Concept, depth
from communique.mapping.entities.entity import ArticleEntities
from communique.mapping.facts.area_context import LOOSE, is_topic
from communique.mapping.facts.area_forms import topic_pattern
from communique.mapping.nlp.language import doc_text, sentence_of


def find_topics(
    doc: Doc, ents: ArticleEntities, *, skip: list[tuple[int, int]] = ()
) -> list[tuple[Concept, int]]:
    """(topic, character offset) of every topic form outside names and titles, in text order."""
    pattern, forms = topic_pattern()
    blocked: list[tuple[int, int]] = list(skip)
    for e in ents.entities:
        for m in e.mentions:
            blocked.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
            if m.title_start is not None:
                blocked.append((doc[m.title_start].idx, doc[m.start].idx))
    inside = _Union(blocked)
    # str.lower() keeps offsets for the scripts of our sources (no length-changing case folds)
    lowered = doc_text(doc).lower()
    if len(lowered) != len(doc_text(doc)):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in doc_text(doc))
    found: list[tuple[Concept, int, object]] = []
    # an ambiguous word told again and again outside any cooperation context is what the
    # article is about ("the border" of a border dispute): its first telling counts
    loose: dict[Concept, list] = {}
    for m in pattern.finditer(lowered):
        if inside(m.start()) or lowered.endswith("non-", 0, m.start()):
            continue  # (a name's word; "non-oil exports" are the other goods)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        verdict = is_topic(span, m.group(0), doc_text(doc), m.start(), m.end())
        if verdict is True:
            found.append((forms[m.group(0)], m.start(), span))
        elif verdict == LOOSE:
            loose.setdefault(forms[m.group(0)], []).append((forms[m.group(0)], m.start(), span))
    found += [told[0] for told in loose.values() if len(told) >= _SALIENT]
    return _one_per_phrase(sorted(found, key=lambda f: f[1]))


_SALIENT = 3


def _one_per_phrase(found: list) -> list[tuple[Concept, int]]:
    """A phrase of two topic words names one area: "digital technologies" is the adjective's
    (an ADJ narrows its noun), but "nuclear disarmament" the noun's, whose concept is the
    narrower one in the scheme."""
    at = {span.root.i: n for n, (_, _, span) in enumerate(found)}
    dropped: set[int] = set()
    for n, (concept, _, span) in enumerate(found):
        root = span.root
        k = at.get(root.head.i)
        if k is None or k == n or root.head == root:
            continue
        head = found[k][2]
        if root.dep_ == "amod" and root.pos_ == "ADJ" and root.whitespace_:
            if len(head) == 1 and head.root.pos_ == "NOUN":
                # (not "technical and economic cooperation", one label)
                narrower = depth(str(found[k][0].iri)) > depth(str(concept.iri))
                dropped.add(n if narrower else k)
    return [(c, pos) for n, (c, pos, _) in enumerate(found) if n not in dropped]


class _Union:
    """Whether an offset falls in any of some character spans (merged once and bisected:
    a long article has thousands of names and as many topic words)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(sp for sp in spans if sp[0] < sp[1]):
            if self.ends and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def __call__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


def title_spans(doc: Doc, roles) -> list[tuple[int, int]]:
    """Where the titles the roles were read from stand in their sentences: an area word in a
    title told after its name ("X, National Security Adviser,") is the office's, no topic."""
    text = doc_text(doc)
    spans = []
    for wording, (start, end) in {(r.wording, r.sentence) for r in roles if r.wording}:
        at = text.find(wording, start, end)
        while at >= 0:
            spans.append((at, at + len(wording)))
            at = text.find(wording, at + len(wording), end)
    return spans


def attach_topics(
    doc: Doc, ents: ArticleEntities, events, agreements, *, titles: list = ()
) -> dict[int, list]:
    """Each topic goes to the events of its sentence, else to the nearest event before it
    (`titles`: character spans of titles, whose words are no topics)."""
    ordered = sorted(events, key=lambda e: e.trigger.i)
    # a long article has hundreds of events and topics: each topic finds its sentence's
    # events, or the last event before it, by bisection rather than by a pass over all
    by_sentence: dict[tuple[int, int], list] = {}
    for e in ordered:
        # an event told again in a later sentence ("During the meeting, ...") is told there
        for i in sorted({e.trigger.i} | e.told_at):
            sent = sentence_of(doc, i)
            told = by_sentence.setdefault((sent.start_char, sent.end_char), [])
            if all(k is not e for k in told):
                told.append(e)
    spans = sorted(by_sentence)
    last_event, last_agreement = _LastBefore(ordered), _LastBefore(agreements)
    out: dict[int, list] = {}
    given: set[tuple] = set()  # (sentence, topic, first event) given to all those events
    clauses: dict[tuple[int, int], list] = {}  # a sentence's relative clauses of events
    for concept, pos in find_topics(doc, ents, skip=titles):
        k = bisect_right(spans, (pos, float("inf"))) - 1
        here = by_sentence[spans[k]] if k >= 0 and pos < spans[k][1] else []
        if len(here) > 1:
            if spans[k] not in clauses:
                clauses[spans[k]] = _relative_clauses(doc, here, spans[k])
            here = next((group for a, b, group in clauses[spans[k]] if a <= pos < b), here)
        if here:
            key = (spans[k], concept, id(here[0]))
            if key in given:
                continue  # a topic told again in a sentence of many events: they have it
            given.add(key)
        if not here:
            here = _talks_over_visit(last_event(pos), by_sentence) or ordered[:1]
        if not here:
            here = last_agreement(pos) or agreements[:1]
        for target in here:
            topics = out.setdefault(id(target), [])
            if concept not in topics:
                topics.append(concept)
    return out


def _relative_clauses(doc: Doc, here: list, sent: tuple[int, int]) -> list[tuple]:
    """(start, end, events) of each relative clause of one of a sentence's events: the areas
    told inside are that event's and those of the events told inside it ("The visit follows
    X's visit in March, during which both sides agreed on Y": X's visit, not the one the
    sentence is about)."""
    told = [(e, doc[i]) for e in here for i in {e.trigger.i} | e.told_at]
    told = [(e, t) for e, t in told if sent[0] <= t.idx < sent[1]]
    out = []
    for e, t in told:
        for clause in (c for c in t.children if c.dep_ == "relcl"):
            a, b = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
            inside = [k for k, u in told if k is not e and a <= u.idx < b]
            out.append((a, b, list({id(k): k for k in (e, *inside)}.values())))
    return out


def _talks_over_visit(last: list, by_sentence: dict) -> list:
    """The event told last before a sentence of areas; when it is a visit told with talks
    ("held talks with X, who arrived on a visit"), the talks, where areas are discussed."""
    if not last or last[0].kind != "visit":
        return last
    sent = last[0].sentence
    told = by_sentence.get((sent.start_char, sent.end_char), [])
    return [e for e in told if e.group == "meet"][-1:] or last


class _LastBefore:
    """The last of some events or agreements (in their order) whose sentence starts at or
    before an offset, as a list of none or one."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.starts: list[int] = []
        self.latest: list[int] = []  # the greatest place in `items` up to each start
        for n, item in sorted(enumerate(items), key=lambda ni: ni[1].sentence.start_char):
            self.starts.append(item.sentence.start_char)
            self.latest.append(max(n, self.latest[-1]) if self.latest else n)

    def __call__(self, pos: int) -> list:
        k = bisect_right(self.starts, pos) - 1
        return [self.items[self.latest[k]]] if k >= 0 else []

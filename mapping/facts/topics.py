"""Topics: the cooperation areas an article names, as concepts of the topic scheme, whose
labels and altLabels are the surface forms looked for."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from communique.mapping.concepts import Concept, concepts
from communique.mapping.entities.cluster import ArticleEntities
from communique.mapping.mentions.mention import ORG_HEADS
from communique.mapping.nlp.language import doc_text


@cache
def _words(name: str) -> frozenset[str]:
    """A word class of data/topics.json (see its _comment)."""
    path = resources.files("communique.mapping").joinpath("data/topics.json")
    return frozenset(json.loads(path.read_text("utf-8"))[name])


@cache
def _pattern() -> tuple[re.Pattern, dict[str, Concept]]:
    forms: dict[str, Concept] = {}
    for c in concepts("topic").values():
        for form in c.forms:
            # acronyms and one-letter-case forms ("IT") would match ordinary words
            if form.isupper() and len(form) <= 3:
                continue
            forms.setdefault(form.lower(), c)
    by_key = concepts("topic")
    for key, inflected in _inflections().items():
        for form in inflected:
            if form not in forms:
                forms[form] = by_key[key]
                _BASE[form] = by_key[key].label.lower()
    for form, c in list(forms.items()):
        if form in _words("ambiguous"):
            continue  # "developments" in a region are events, not an area
        for variant in _variants(form):
            if variant not in forms:  # a label's own forms go first
                forms[variant] = c
                _BASE[variant] = form
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # matched on the lower-cased text: a case-insensitive alternation is several times slower
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), forms


@cache
def _inflections() -> dict[str, list[str]]:
    path = resources.files("communique.mapping").joinpath("data/topics.json")
    return json.loads(path.read_text("utf-8"))["inflections"]


@cache
def _inflected() -> frozenset[str]:
    """The inflections: a verb among them names its area as a verb too ("invested in")."""
    return frozenset(f for fs in _inflections().values() for f in fs)


_BASE: dict[str, str] = {}  # a variant of a form -> the form, whose word classes it shares


def _variants(form: str) -> list[str]:
    """How else a label is written: hyphen or space ("cross border", "capacity-building"),
    and the plural of its last word ("businesses", "elections")."""
    out = []
    if "-" in form:
        out.append(form.replace("-", " "))
    elif " " in form and len(form.split()) == 2:
        out.append(form.replace(" ", "-"))
    last = form.split()[-1]
    if form.isalpha() and not last.endswith(("s", "y")) and len(last) > 3:
        out.append(form + ("es" if last.endswith(("sh", "ch", "x", "z")) else "s"))
    elif form.isalpha() and last.endswith("ss") and len(last) > 4:
        out.append(form + "es")  # "businesses"
    return out


def find_topics(
    doc: Doc, ents: ArticleEntities, *, skip: list[tuple[int, int]] = ()
) -> list[tuple[Concept, int]]:
    """(topic, character offset) of every topic form outside names and titles, in text order."""
    pattern, forms = _pattern()
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
        verdict = _is_topic(span, m.group(0), doc_text(doc), m.start(), m.end())
        if verdict is True:
            found.append((forms[m.group(0)], m.start(), span))
        elif verdict == _LOOSE:
            loose.setdefault(forms[m.group(0)], []).append((forms[m.group(0)], m.start(), span))
    found += [told[0] for told in loose.values() if len(told) >= _SALIENT]
    return _one_per_phrase(sorted(found, key=lambda f: f[1]))


_LOOSE = "loose"  # an ambiguous word outside a cooperation context
_SALIENT = 3


def _is_topic(span, found: str, text: str, start: int, end: int) -> bool | str:
    """True for an area, False for none, _LOOSE for an ambiguous word said of no area."""
    form = _BASE.get(found, found)
    if not _names_an_area(span, form, verb=found in _inflected()):
        return False
    if _in_an_office_name(text, start, end) or _in_a_body_name(text, start, end):
        return False  # "Minister of Trade, Industry and Competition", "Investment Fund"
    if form in _words("scope_words"):
        # "regional cooperation" is an area; "regional and international issues" is not
        return span.root.head.lemma_.lower() in _words("scope_heads")
    if form in _words("ambiguous") and not (
        _in_cooperation_context(span) or _of_a_place(span) or _beside_a_topic(span)
    ):
        return _LOOSE  # "the border town", "young people", "Mongolian customs data"
    return True


def _one_per_phrase(found: list) -> list[tuple[Concept, int]]:
    """A phrase of two topic words names one area: "digital technologies" is the adjective's
    (an ADJ narrows its noun)."""
    at = {span.root.i: n for n, (_, _, span) in enumerate(found)}
    dropped: set[int] = set()
    for n, (_, _, span) in enumerate(found):
        root = span.root
        k = at.get(root.head.i)
        if k is None or k == n or root.head is root:
            continue
        head = found[k][2]
        if root.dep_ == "amod" and root.pos_ == "ADJ" and root.whitespace_:
            if len(head) == 1 and head.root.pos_ == "NOUN":
                dropped.add(k)  # (not "technical and economic cooperation", one label)
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


# the office word may be lower-case ("by the minister of Telecommunications, ...")
_OFFICE = (
    r"(?i:Minister|Ministry|Ministries|Department|Secretary|Commissioner|Committee|Council|"
    r"Office|Agency|Bureau|Directorate|Authority|Cabinet Secretary)"
)
# the area is one of the Title-Case words of an office's name, after "of"/"for"
_OFFICE_BEFORE = re.compile(
    rf"\b{_OFFICE}\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+|&\s+)?)*$"
)
_OFFICE_AFTER = re.compile(r"^\s+(?i:minister|ministry|ministries|secretar|department|portfolio)")


def _in_an_office_name(text: str, start: int, end: int) -> bool:
    if _OFFICE_AFTER.match(text[end : end + 14]):
        return True
    return text[start : start + 1].isupper() and bool(
        _OFFICE_BEFORE.search(text[max(0, start - 120) : start])
    )


_TITLE_RUN = re.compile(r"^(?:[\s-]+(?:and\s+|&\s+)?[A-Z][\w-]*){1,3}")


def _in_a_body_name(text: str, start: int, end: int) -> bool:
    """A Title-Case topic word in a run of Title-Case words ending in a body's or a
    programme's last word: "the Eurasian Investment Fund", "Technical Assistance Programme"."""
    if not text[start : start + 1].isupper():
        return False
    run = _TITLE_RUN.match(text[end : end + 80])
    words = run.group(0).split() if run else []
    return any(w.strip(",") in ORG_HEADS or w in _words("name_heads") for w in words)


def _names_an_area(span, form: str, *, verb: bool = False) -> bool:
    """Whether the words matched name an area there (`verb`: they may as a verb)."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end : span.end + 1]
    prev = doc[span.start - 1 : span.start] if span.start else []
    if len(nxt) and nxt[0].lower_ == "of" and form in _words("of_processes"):
        # "the development of relations", "the defence of a policy": a process, not an
        # area; "the development of the region" is one (the reconstruction of anything is)
        if not _of_a_place(span):
            return False
    if len(prev) and prev[0].lower_ in ("this", "that") and prev[0].pos_ == "DET":
        return False  # "in this space" (not "said that trade grew")
    if len(span) == 1 and root.tag_ in ("VB", "VBD", "VBP", "VBZ") and not verb:
        return False  # "to finance a power project": a verb names no area
    if root.dep_ == "compound" and root.head.lemma_.lower() in _words("non_area_heads"):
        return False
    if root.pos_ == "ADJ" and form not in _words("ambiguous") and root.dep_ == "amod":
        # "agricultural products", "humanitarian access": an adjective of one area names
        # it on any noun; "economic", "political" only on a cooperation word
        return root.head.lemma_.lower() not in _words("non_area_heads")
    if root.pos_ == "ADJ" or root.dep_ == "amod":
        t = root
        for _ in range(4):
            if t.head is t:
                break
            t = t.head
            if t.lemma_.lower() in _words("cooperation_nouns"):
                return True
            if t.dep_ not in ("conj", "amod", "compound", "nmod") and t.pos_ != "ADJ":
                break
        return False
    return True


_PLACE_ENTS = {"GPE", "LOC"}


def _of_a_place(span) -> bool:
    """ "the development of the sub-region", "of Central Asia": what follows "of" is a place."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return False
    # ("the sub-region" may be parsed as several objects of "of")
    return any(
        c.dep_ == "pobj"
        and (c.ent_type_ in _PLACE_ENTS or c.lemma_.lower() in _words("place_nouns"))
        for c in doc[span.end].children
    )


def _beside_a_topic(span) -> bool:
    """ "businesses and investors": an ambiguous word coordinated with an area word."""
    root = span.root
    near = [root.head] if root.dep_ == "conj" else []
    near += [c for c in root.children if c.dep_ == "conj"]
    clear = _clear_words()
    return any(t.lower_ in clear for t in near)


@cache
def _clear_words() -> frozenset[str]:
    """One-word topic forms that are an area wherever they stand."""
    forms = _pattern()[1]
    ambiguous = _words("ambiguous") | _words("scope_words")
    return frozenset(f for f in forms if " " not in f and _BASE.get(f, f) not in ambiguous)


_UP_DEPS = {"conj", "pobj", "prep", "compound", "amod", "nmod", "appos", "dobj", "pcomp"}


def _in_cooperation_context(span) -> bool:
    t = span.root
    for c in t.children:
        if c.lemma_.lower() in _words("cooperation_nouns") and c.pos_ != "VERB":
            return True
    for _ in range(5):
        if t.dep_ not in _UP_DEPS or t.head is t:
            return False
        t = t.head
        lemma = t.lemma_.lower()
        if lemma in _words("area_governors"):
            return True
        if lemma in _words("cooperation_nouns") and t.pos_ != "VERB":
            return True  # "policing support", but not "supporting peace"
    return False


def attach_topics(doc: Doc, ents: ArticleEntities, events, agreements) -> dict[int, list]:
    """Each topic goes to the events of its sentence, else to the nearest event before it."""
    ordered = sorted(events, key=lambda e: e.trigger.i)
    # a long article has hundreds of events and topics: each topic finds its sentence's
    # events, or the last event before it, by bisection rather than by a pass over all
    by_sentence: dict[tuple[int, int], list] = {}
    for e in ordered:
        by_sentence.setdefault((e.sentence.start_char, e.sentence.end_char), []).append(e)
    spans = sorted(by_sentence)
    last_event, last_agreement = _LastBefore(ordered), _LastBefore(agreements)
    out: dict[int, list] = {}
    given: set[tuple[tuple[int, int], Concept]] = set()  # (sentence, topic) given to all in it
    for concept, pos in find_topics(doc, ents):
        k = bisect_right(spans, (pos, float("inf"))) - 1
        here = by_sentence[spans[k]] if k >= 0 and pos < spans[k][1] else []
        if here:
            if (spans[k], concept) in given:
                continue  # a topic told again in a sentence of many events: they have it
            given.add((spans[k], concept))
        if not here:
            here = last_event(pos) or ordered[:1]
        if not here:
            here = last_agreement(pos) or agreements[:1]
        for target in here:
            topics = out.setdefault(id(target), [])
            if concept not in topics:
                topics.append(concept)
    return out


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

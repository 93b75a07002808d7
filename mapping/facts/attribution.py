"""The words written around a quotation that tell who says it, read as text rather than as
a parse: an attribution after the closing mark ("“…,” Venndal said", "“…,” said the
President", "“…,” Tal was quoted as saying", "he quoted Adeyemi as saying"), "according to
X" or "in X's words" before it, and an interview's "Tal:" before its colon; what they name
is resolved by speakers.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.mapping.entities.entity import Entity
from communique.mapping.facts.reporting import QUOTED_AS, quote_words, report_verbs_pattern
from communique.mapping.facts.speakers import SpeakerResolver
from communique.mapping.mentions.finder import PERSON

_REPORT = report_verbs_pattern()
# (the point of an abbreviated title ends no sentence: "“…,” Mr. Tal told reporters")
_TITLE_POINT_KEPT = "|".join(rf"(?<=\b{re.escape(t)})" for t in quote_words("abbreviated_titles"))
# (nor the point of an initial: "“…,” Minister K.R. Tal told reporters")
_WHO = rf"(?:[^,.;“”\"]|(?:{_TITLE_POINT_KEPT}|(?<=\b[A-Z]))\.){{1,70}}?"
# (", and announced that …" goes on with the sentence's own subject: no attribution)
# ("“…,” Tal, 54, a former envoy, said": one or two appositions between commas are no
# clause of their own; "the ministry's spokesperson, Tal, said": the person of them speaks)
# ('“…,” - the President said': a dash may stand between the quotation and its speaker)
_AFTER = re.compile(
    rf"^\s*,?(?:\s*[-–—])?(?!\s*(?:and|but|or|then|while|as)\b|\s*[-–—])\s*(?P<who>{_WHO})"
    rf"(?P<app>(?:\s*,[^,.;“”\"]{{1,60}}){{1,2}}\s*,)?\s+{_REPORT}\b"
)
# "…, said the President", "…, mentioned the spokesman, Ann Tal at the ministry, …"
# (a comma before a lowercase word opens a clause of its own: ", adding that …")
# (the point of an abbreviated title ends no sentence: "…, said Ms. Tal")
_TITLE_POINT = "".join(rf"(?<!\b{re.escape(t)})" for t in quote_words("abbreviated_titles"))
_AFTER_INV = re.compile(
    rf"^\s*,?(?:\s*[-–—])?\s*{_REPORT}\s+(?P<who>(?:[^,;“”\"]|,\s*(?=[A-Z])){{1,150}}?)"
    rf"\s*(?:,(?!\s*[A-Z])|{_TITLE_POINT}\.|;|$)"
)
# "“…,” Tal was quoted as saying by the agency": the passive names the speaker
_QUOTED_PASSIVE = re.compile(
    rf"^\s*,?\s*(?P<who>{_WHO})\s+(?:was|were|is|has\s+been)\s+quoted\s+as\s+saying\b"
)
# '“…,” according to Tal.': the source named after the quotation
_ACCORDING_AFTER = re.compile(rf"^\s*,?\s*according\s+to\s+(?P<who>{_WHO})\s*(?:[.;,]|$)")
# ... or "In Toiu's words, “…”"
_ACCORDING = re.compile(
    r"(?:\b[Aa]ccording\s+to\s+(?P<who>[^,;“”\"]{1,70}?)"
    r"|\b[Ii]n\s+(?P<whose>[^,;.“”\"\n]{1,60}?)(?:[’']s?)?\s+(?:own\s+)?words)\s*,\s*$"
)
# 'According to Toiu, the talks were "frank"': the sentence's source, when no one says it
_ACCORDING_LEAD = re.compile(r"\s*[Aa]ccording\s+to\s+(?P<who>[^,;“”\"‘]{1,70}?)\s*,")
# 'Tal: "…"' (an interview's or a transcript's layout): a person's name, a colon, the quote
_NAME_COLON = re.compile(r"(?:^|(?<=[\n.]))\s*(?P<who>[A-Z][^.:;“”\"‘\n]{0,50}?):\s*$")


@dataclass
class Found:
    """A speaker looked for: `told` when words attribute the quotation, resolved or not
    (then no speaker before goes on)."""

    speaker: Entity | None = None
    told: bool = False
    quoter: Entity | None = None  # "he quoted X as saying": who goes on saying, not X


def told_after(r: SpeakerResolver, text: str, m: re.Match, inner_end: int) -> Found:
    """`“…,” Venndal said`, `“…,” said the President`, `“…,” he quoted X as saying`."""
    # a paragraph ends the attribution: a sign-off line ("New York, 30 August") is no speaker
    tail = text[m.end() : m.end() + 200].split("\n\n")[0]
    if not (inner_end and (text[inner_end - 1] in ",.!?" or text[m.end() : m.end() + 1] == ",")):
        return Found()
    q = QUOTED_AS.search(tail[:80])
    if q and not re.search(r"[.!?]", tail[: q.start()]):
        by = tail[: q.start()]
        quoter = r.resolve(by, m.end(), m.end() + len(by)) if by.strip() else None
        s, e = m.end() + q.start("who"), m.end() + q.end("who")
        return Found(r.resolve(q.group("who"), s, e), True, quoter)  # (or "quoted her as")
    patterns = ((_QUOTED_PASSIVE, False), (_ACCORDING_AFTER, False), (_AFTER, False))
    for pattern, first in (*patterns, (_AFTER_INV, True)):
        a = pattern.match(tail)
        if a:
            s, e = m.end() + a.start("who"), m.end() + a.end("who")
            speaker = r.resolve(a.group("who"), s, e, first=first, quoted=m.start())
            if pattern is _AFTER and a.group("app") and (speaker is None or speaker.kind != PERSON):
                named = r.entity_in(e, m.end() + a.end("app"), first=True)
                speaker = named if named is not None and named.kind == PERSON else speaker
            if speaker is None and (q := QUOTED_AS.search(tail[: a.end() + 60])):
                speaker = r.entity_in(m.end() + q.start("who"), m.end() + q.end("who"))
            return Found(speaker, True)
    return Found()


def told_before(r: SpeakerResolver, text: str, quote_start: int) -> Found:
    """'According to Toiu, "our partnership ..."', 'In Toiu's words, "…"': the words just
    before the quotation name its speaker."""
    a = _ACCORDING.search(text[max(0, quote_start - 90) : quote_start])
    if not a:
        return Found()
    g = "who" if a.group("who") is not None else "whose"
    s = max(0, quote_start - 90) + a.start(g)
    return Found(r.resolve(a.group(g), s, s + len(a.group(g))), True)


def according_to(r: SpeakerResolver, text: str, sent_start: int, quote_start: int) -> Found:
    """The source a sentence opens with ("According to Toiu, …"), saying its quotation."""
    a = _ACCORDING_LEAD.match(text, sent_start, quote_start)
    if a is None:
        return Found()
    return Found(r.resolve(a.group("who"), a.start("who"), a.end("who")), True)


def named_before_colon(r: SpeakerResolver, text: str, quote_start: int) -> Found:
    """The person the words before the colon name, if they are a name or a title only
    (not "The agreement covers three areas:")."""
    c = _NAME_COLON.search(text, max(0, quote_start - 60), quote_start)
    if c is None:
        return Found()
    who = c.group("who")
    if len(who.split()) > 6 or any(w[:1].islower() and w not in ("of", "the") for w in who.split()):
        return Found()
    e = r.resolve(who, c.start("who"), c.end("who"))
    return Found(e, True) if e is not None and e.kind == PERSON else Found()

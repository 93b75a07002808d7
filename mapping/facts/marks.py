"""Quotation marks and the text around them: the pairs of marks a quotation stands between
(curly, straight, single, guillemets, low-high), the paragraphs that leave a quotation open
for the next one, and the paragraph breaks, sentence ends and saying verbs of a text found
once, so that quotes.py asks whether one lies between two offsets in logarithmic time."""

from __future__ import annotations

import re
from bisect import bisect_left

from communique.mapping.facts.reporting import saying_re

# a doubled mark ("" … "") is one quotation mark (some feeds escape quotes so)
# ... and no quotation runs over a blank line: a quote mark left open at a paragraph's end
# (a quotation going on in the next paragraph) must not pair with the next paragraph's
# ... and single curly marks (‘…’), the style of some outlets: the closing mark is also the
# apostrophe ("countries’ ties", "don’t"), so it closes only after the quotation's own
# punctuation or before punctuation, and the opening one only after a space or a bracket
# ... and guillemets («…») and low-high marks („…“) of the press in many languages, their
# comma written after the closing mark ("«…», said X")
# ... and straight single marks ('…,' X said; called it a 'clear breach' of): an apostrophe
# inside a word is no mark, the opening one stands before a word of two letters or more
# (not "'90s", "'n'"), and the closing one after the quotation's own punctuation or at a
# word's end before a space or punctuation
_STRAIGHT_SINGLE = (
    r"(?:^|(?<=[\s(\[—–-]))'(?=[^\W\d_]\w)(?P<a>(?:[^'\n]|(?<=\w)'(?=\w))+?)"
    r"(?:(?<=[,.!?])'(?=\s|$)|(?<=\w)'(?=[\s,.;:!?)\]]|$))"
)
# the straight single marks alone (sayers.py: which "'" tokens open or close a quotation)
STRAIGHT_SINGLE_QUOTE = re.compile(_STRAIGHT_SINGLE)
QUOTE = re.compile(
    r"“(?P<c>(?:[^”\n]|\n(?![ \t]*\n))+)”"
    r"|(?P<m>\"\"?)(?P<s>(?:[^\"\n]|\n(?![ \t]*\n))+)(?P=m)"
    r"|(?:^|(?<=[\s(\[—–-]))‘(?P<u>[^‘\n]+?)(?:(?<=[,.!?])’|’(?=[,.;:!?)\]]|[ \t]*(?:\n|$)))"
    r"|«(?P<g>[^«»\n]+)»|„(?P<l>[^„“”\n]+)[“”]"
    rf"|{_STRAIGHT_SINGLE}"
)
MARK_GROUPS = "csugla"  # the groups of QUOTE that hold a quotation's words

# a paragraph that opens a quotation and leaves it open, the next one opening a quote mark
# again: one quotation over several paragraphs, told by whoever says the next one
# (the next paragraph's mark looked at, not taken: it may open another such paragraph)
# (or a quotation opened after a sentence of the paragraph: '“…,” X said. “… ¶ “…”', or
# after the colon of its saying clause: 'X said: “… ¶ “…”')
OPEN_PARAGRAPH = re.compile(
    r"(?m)(?:^|(?<=[.!?:] ))[ \t]*[“\"«](?P<w>[^”“\"«»\n]{20,})\n[ \t]*\n(?=[ \t]*[“\"«])"
    # (or in single curly marks, whose closing one is also the apostrophe inside a word)
    r"|(?:^|(?<=[.!?:] ))[ \t]*‘(?P<v>(?:[^‘’“”\n]|(?<=\w)’(?=\w)){20,})\n[ \t]*\n(?=[ \t]*‘)"
)


def open_words(m: re.Match) -> str:
    """The group of an OPEN_PARAGRAPH match that holds the words: double or single marks."""
    return "w" if m.group("w") else "v"


class TextMarks:
    """Paragraph breaks, sentence ends and saying verbs of the text, found once: whether
    one lies between two offsets is then a bisection, not a pass over what lies between
    (the last quote with a known speaker may be far back)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
        # a sentence end is [.!?] then a space, or at the end of what is looked at
        self.ends = [m.start() for m in re.finditer(r"[.!?](?=\s)", text)]
        self.verbs = [m.span() for m in saying_re().finditer(text)]
        self.verb_starts = [s for s, _ in self.verbs]

    def paragraph_break(self, a: int, b: int, *, strip: bool = False) -> bool:
        """Whether "\n\n" is in text[a:b] (stripped of spaces at both ends)."""
        if strip:
            while a < b and self.text[a].isspace():
                a += 1
            while b > a and self.text[b - 1].isspace():
                b -= 1
        k = bisect_left(self.breaks, a)
        return k < len(self.breaks) and self.breaks[k] + 2 <= b

    def sentence_ends(self, a: int, b: int) -> int:
        """How many sentences end in text[a:b] (one right at b counts too)."""
        inside = bisect_left(self.ends, b - 1) - bisect_left(self.ends, a)
        return inside + (a < b and self.text[b - 1] in ".!?")

    def report_verb(self, a: int, b: int) -> bool:
        """Whether a saying verb stands in text[a:b], from one quote's end to another's
        start (so that a word cut at either edge is no concern: a quote mark stands there)."""
        k = bisect_left(self.verb_starts, a)
        return k < len(self.verbs) and self.verbs[k][1] <= b


def opens_paragraph(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or before.endswith("\n") or before.strip() == "" and "\n" in before

"""Credit lines that close a wire story, and the byline that opens one: who reported, wrote
and edited it.

"(Reporting by X in Y; Editing by Z)", "Additional reporting by X", "Associated Press
writer X contributed to this report.", "--With assistance from X.", and "Reporter: X" or
"[Editor: Y]" on a line of its own name journalists and the places they filed from, none of
them a party to the story. The paragraphs at the end
of a body that are credits and nothing else are left out of what the mapper reads, as is a
first line that is a byline ("By X", "By X and Y, Reuters"); the body itself is kept whole.
"""

from __future__ import annotations

import re

# a credit: "<work> by <names>", clauses joined by ";" or "," ("Writing by X; editing by Y")
_WORK = (
    r"(?:(?:[Aa]dditional|[Ee]xtra)[ ]+)?"
    r"(?:[Rr]eporting|[Rr]eported|[Ww]riting|[Ww]ritten|[Ee]diting|[Ee]dited|[Cc]ompiled"
    r"|[Pp]roduced|[Tt]ranslated|[Tt]ranslation|[Gg]raphics|[Ff]act-checking|[Rr]esearch)"
    r"(?:[ ]+and[ ]+(?:[Ee]diting|[Ww]riting|[Rr]eporting))?"
)
_CLAUSE = rf"{_WORK}[ ]+by[ ]+[^;()\"“”\n]+?"
# (in brackets, or after the asterisk some agencies mark a credit with: "*Writing by X")
_BY_LINE = re.compile(rf"(?:[(\[]|\*+)?[ ]*{_CLAUSE}(?:[ ]*[;,][ ]*{_CLAUSE})*[ ]*[.)\]]?[ ]*")
# "X and Y contributed to this report.", "Associated Press writer X contributed reporting."
_CONTRIBUTED = re.compile(
    r"[(\[]?[^\n\"“”.]{3,160}?[ ]contributed[ ](?:to[ ]this[ ](?:report|story)|reporting"
    r"|additional[ ]reporting)[^\n\"“”.]{0,80}\.?[)\]]?[ ]*"
)
_ASSISTANCE = re.compile(r"[-—–]*[ ]*[(\[]?[Ww]ith assistance from [^\n\"“”]{3,160}?\.?[)\]]?[ ]*")
_CREDITS = (_BY_LINE, _CONTRIBUTED, _ASSISTANCE)  # (and _LABELLED, below)


_NAME = r"[A-Z][\w.'’-]*(?:[ ]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
# "Reporter: X", "Editor: Y", "[Editor: Z]", "Reporter: X; Editor: Y": a labelled credit
_LABEL = r"(?:Reporters?|Editors?|Writers?|Translators?|Photographers?|Photo|Editing)"
_LABELLED_ONE = rf"{_LABEL}[ ]*:[ ]*{_NAME}(?:[ ]*(?:,|and|&)[ ]*{_NAME})*"
_LABELLED = re.compile(
    rf"[(\[]?[ ]*{_LABELLED_ONE}(?:[ ]*[;,/|][ ]*{_LABELLED_ONE})*[ ]*[)\]]?[ ]*"
)
_CREDITS += (_LABELLED,)


def credits_start(body: str) -> int:
    """The offset where the body's closing credit paragraphs begin (len(body) if none)."""
    end = len(body.rstrip())
    while end > 0:
        start = body.rfind("\n", 0, end) + 1
        if start == 0 or not any(p.fullmatch(body, start, end) for p in _CREDITS):
            break  # the first paragraph is never a credit: the story comes before them
        end = len(body[:start].rstrip())
    return end


# "By X", "By X and Y", "By X, Reuters", "BY X | AP": a line of its own
_BYLINE = re.compile(
    rf"(?:By|BY)[ ]+{_NAME}(?:[ ]*(?:,|and|&)[ ]*{_NAME})*(?:[ ]*[|,–—-][ ]*{_NAME})?[ ]*\n\s*"
)


def byline_end(body: str) -> int:
    """The offset after a byline line that opens the body (0 if none)."""
    m = _BYLINE.match(body)
    return m.end() if m else 0

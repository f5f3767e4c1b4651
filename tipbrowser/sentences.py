"""Sentence segmentation that survives "U.S.", "$1.59 million", "No." and missing full stops."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.a.e d.c no nos mr mrs ms dr st jr sr prof gen col lt capt sgt
    gov rep sen art arts sec secs para paras vol ch fig figs approx est dept govt
    inc ltd co corp bros vs etc e.g i.e cf al jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft
    """.split()
)

# A terminal mark, closing quotes or brackets, then space and a likely sentence start.
_BOUNDARY = re.compile(
    r"""
    (?P<mark>[.!?]+)                     # the terminal punctuation
    (?P<close>[)\]"'”’»]*)               # closing quotes or brackets
    (?P<space>\s+)                       # the gap
    (?=[("“‘'\[]?[A-Z0-9À-Þ•])           # the next sentence starts upper-case or with a digit
    """,
    re.VERBOSE,
)

# "persons.The": a full stop glued to the next sentence (PDF copies).
_GLUED = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z])")

# "criminal code Under Section 62a": a sentence that lost its full stop.
_LOST_STOP = re.compile(
    r"(?<=[a-z]{3}) (?=(?:Under|However|Furthermore|Additionally|Moreover|Nonetheless|"
    r"Authorities|Officials|Experts|Observers)\s)"
)

_WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in `text`, trimmed of outer space.

    The offsets index `text` itself, so ``text[start:end]`` gives each sentence back.
    """
    cuts: list[int] = []
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start("mark"), match.group("mark")):
            continue
        cuts.append(match.start("space"))
    cuts.extend(m.end() for m in _GLUED.finditer(text))
    cuts.extend(m.start() for m in _LOST_STOP.finditer(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        piece = _trim(text, start, cut)
        if piece is not None:
            spans.append(piece)
        start = cut
    return spans


def _is_abbreviation(text: str, mark_at: int, mark: str) -> bool:
    if mark != ".":
        return False
    before = _WORD_BEFORE.search(text, 0, mark_at)
    if before is None:
        return False
    word = before.group(1).lstrip("(\"“‘'[").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials: "J. Smith", "U.S." written with inner full stops, single letters.
    if len(word) == 1 and word.isalpha():
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

"""Sentence segmentation that survives "U.S.", "$1.59 million", "No." and missing full stops."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    """
    u.k u.n e.u u.a.e d.c mr mrs ms dr st jr sr prof gen col lt capt sgt gov rep sen
    approx est dept govt inc ltd co corp bros vs etc e.g i.e cf al jan feb mar apr jun
    jul aug sep sept oct nov dec mt ft
    """.split()
)
"""Words that end in a full stop without ending the sentence."""

_NUMBERED = frozenset("no nos art arts sec secs para paras vol ch fig figs p pp".split())
"""Abbreviations that stand before a number: "Law No. 5" goes on, "said no. The" ends."""

_COUNTRY_ABBREVIATIONS = frozenset({"u.s"})
"""Abbreviations that often end a sentence too: "… sent to the U.S. The government …"."""

_STARTERS = frozenset(
    """
    The This These That Those There It Its In On At As For From During After Before
    When While Since Although Though However Moreover Furthermore Additionally Also
    Authorities Officials Police Courts Prosecutors Victims Traffickers Observers Experts
    NGOs He She They We Some Many Most Several Other Others A An No Of Between Under
    """.split()
)
"""Words that, after "U.S.", show a new sentence has begun."""

# A terminal mark, closing quotes or brackets, then space and a likely sentence start.
_BOUNDARY = re.compile(
    r"""
    (?P<mark>[.!?](?<![.!?]{2})[.!?]*+)  # the terminal punctuation, from the start of a run
    (?P<close>[)\]"'”’»]*+)              # closing quotes or brackets
    (?P<space>\s++)                      # the gap
    (?=[("“‘'\[]?[A-Z0-9À-Þ•$])          # the next sentence starts upper-case, a digit or $
    """,
    re.VERBOSE,
)

# "persons.The": a full stop glued to the next sentence (PDF copies).
_GLUED = re.compile(r"\.(?<=[a-z]{3}\.)(?=[A-Z][a-z])")

# "criminal code Under Section 62a": a sentence that lost its full stop.
_LOST_STOP = re.compile(
    r" (?:Under|However|Furthermore|Additionally|Moreover|Nonetheless|"
    r"Authorities|Officials|Experts|Observers)(?=\s)"
)
_LOST_STOP_BEFORE = re.compile(r"[a-z]{3}")

_LOOKBACK = 24
"""How far back to look for the word before a full stop: no abbreviation is longer."""

_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_LONG_WORD = re.compile(r"[A-Za-z]{7}")
"""The end of a word too long to be an abbreviation (the longest is six letters)."""
_NEXT_WORD = re.compile(r"[(\"“‘'\[]?([^\s.,;:]+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in `text`, trimmed of outer space.

    The offsets index `text` itself, so ``text[start:end]`` gives each sentence back.
    """
    cuts: list[int] = []
    for match in _BOUNDARY.finditer(text):
        mark = match.start("mark")
        # Most sentences end in a word longer than any abbreviation: no need to look closer.
        if _LONG_WORD.fullmatch(text, mark - 7, mark) or not _is_abbreviation(text, match):
            cuts.append(match.start("space"))
    cuts.extend(m.end() for m in _GLUED.finditer(text))
    cuts.extend(
        m.start() for m in _LOST_STOP.finditer(text) if _LOST_STOP_BEFORE.fullmatch(text, m.start() - 3, m.start())
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        piece = _trim(text, start, cut)
        if piece is not None:
            spans.append(piece)
        start = cut
    return spans


def _word_before(text: str, end: int) -> str:
    """The word that ends at `end`, lower-cased without opening quotes; "" if too long."""
    window = text[max(0, end - _LOOKBACK) : end]
    parts = window.split()
    if not parts or window[-1].isspace():
        return ""
    if len(parts) == 1 and end > _LOOKBACK and not text[end - _LOOKBACK - 1].isspace():
        return ""  # a token longer than any abbreviation
    return parts[-1].lstrip("(\"“‘'[").lower()


def _is_abbreviation(text: str, boundary: re.Match[str]) -> bool:
    """Whether the full stop of `boundary` belongs to an abbreviation, not a sentence end."""
    if boundary.group("mark") != "." or boundary.group("close"):
        return False
    word = _word_before(text, boundary.start("mark"))
    next_word = _NEXT_WORD.match(text, boundary.end())
    following = next_word.group(1) if next_word else ""
    if word in _NUMBERED:
        return following[:1].isdigit()
    if word in _COUNTRY_ABBREVIATIONS:
        return following not in _STARTERS
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J. Smith") and dotted initialisms ("U.A.E.") written without a list entry.
    return (len(word) == 1 and word.isalpha()) or bool(_INITIALISM.fullmatch(word))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    stripped = stripped.rstrip()
    return (start, start + len(stripped)) if stripped else None

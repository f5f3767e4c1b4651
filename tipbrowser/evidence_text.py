"""The words of a recommendation and where they occur: request words, stems, highlight spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tipbrowser.vocabulary import REQUEST_FILLERS, Concept, ConceptHit

__all__ = ["request_words", "stem", "qualifier_spans", "request_verbs", "blank", "matched_terms", "merge_spans", "WORD"]

_STOPWORDS = frozenset(
    """
    a an the and or of for to in on at by with from as into under over per via that this these
    those is are was were be been it its their them they which who whom whose what when where
    how not no nor but if so than then also any each such can could should would may might must
    will shall do does did has have had having our your his her i we you he she one two
    against rather instead whether regardless solely directly without while there here
    """.split()
)

WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*[A-Za-z]|[A-Za-z]")

_QUALIFIER = re.compile(
    r"\b(?:including|such as|especially|particularly|in particular|notably)\b[^;,.]*", re.I
)


def qualifier_spans(text: str) -> list[tuple[int, int]]:
    """The "including …" / "such as …" clauses of a recommendation, which narrow its ask."""
    return [match.span() for match in _QUALIFIER.finditer(text)]


# The verbs a recommendation opens with say what to do ("Investigate and prosecute …",
# "Finalize, fund, and implement …"); the matter is what follows them.
_REQUEST_VERBS = frozenset(
    """
    investigate prosecute convict sentence punish train screen identify refer establish adopt
    implement enact enforce amend revise create develop increase expand fund finalize allocate
    ensure strengthen improve extend reform open resume provide collect publish regulate prohibit
    eliminate allow work hold seek end stop cease take make continue consider pass approve
    designate dedicate institute conduct systematically vigorously proactively consistently
    effectively fully urgently robustly efforts steps to and or the
    """.split()
)
_LEAD_WORD = re.compile(r"\s*([A-Za-z]+)\s*,?")


def request_verbs(text: str) -> tuple[int, int]:
    """The span of the verbs a recommendation opens with ("Investigate and prosecute")."""
    pos = end = 0
    while match := _LEAD_WORD.match(text, pos):
        word = match.group(1).lower()
        if word not in _REQUEST_VERBS:
            break
        pos = match.end()
        if word not in {"and", "or", "the", "to"}:
            end = match.start(1) + len(match.group(1))
    return (0, end)


def blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out (offsets unchanged)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def request_words(text: str) -> list[str]:
    """The content words of a recommendation, without request fillers."""
    words: list[str] = []
    for word in WORD.findall(text):
        lower = word.lower().replace("’", "'")
        if lower in _STOPWORDS or lower in REQUEST_FILLERS or len(lower) < 3:
            continue
        if lower not in words:
            words.append(lower)
    return words


def matched_terms(
    text: str,
    hits: Iterable[ConceptHit],
    shared: set[str],
    rec_hits: Sequence[ConceptHit],
    stems: set[str],
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...], list[str]]:
    """The matched terms, their spans, and a reason for each vocabulary bridge."""
    spans: list[tuple[int, int]] = []
    for match in WORD.finditer(text):
        if stem(match.group()) in stems:
            spans.append(match.span())
    rec_words = {stem(w) for hit in rec_hits for w in WORD.findall(hit.text)}
    bridged: dict[str, Concept] = {}
    for hit in hits:
        if hit.concept.key in shared:
            spans.append((hit.start, hit.end))
            if not {stem(w) for w in WORD.findall(hit.text)} <= rec_words and hit.concept.specific:
                bridged.setdefault(hit.concept.key, hit.concept)
    merged = merge_spans(spans)
    terms = tuple(dict.fromkeys(text[s:e] for s, e in merged))
    reasons = [f"vocabulary: {concept.label}" for concept in bridged.values()]
    return terms, tuple(merged), reasons


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SUFFIXES = tuple(
    sorted(
        """
        ications ication ations ation ators ator ings ing ions ion ments ment ities ity ized izes
        ize ised ises ise ies ied ers er ed es s ly ive ives ous ate ates al ally e y
        """.split(),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light stem for matching and highlighting words ("investigators" → "investig")."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word

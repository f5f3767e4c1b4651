"""Which body sentences can be evidence, and the signals each carries (deficit, summary, anaphora)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tipbrowser.evidence_text import WORD, stem
from tipbrowser.model import Report, SectionKind, Sentence
from tipbrowser.vocabulary import ConceptHit, signals

__all__ = ["Candidate", "evidence_candidates", "common_stems", "concept_weights"]

_COMMON_SHARE = 0.4

# Boilerplate that frames the findings rather than stating one.
_FRAMING = (
    re.compile(r"\b(?:does|do) not fully (?:meet|comply)\b.*\bminimum standards\b", re.I),
    re.compile(r"\bfully (?:meets|complies)\b.*\bminimum standards\b", re.I),
    re.compile(r"\bdid not (?:meet|demonstrate)\b.*\b(?:minimum standards|increasing efforts)\b", re.I),
    re.compile(r"\b(?:therefore|remained on|was (?:upgraded|downgraded)|is placed on|granted a waiver)\b.*\bTier\b", re.I),
    re.compile(r"^The government (?:\w+ )?(?:increased|maintained|decreased|made)\b[^.]{0,80}\befforts\.?$", re.I),
    re.compile(r"\bdemonstrated (?:overall )?(?:increasing|serious and sustained) efforts\b", re.I),
)
_ANAPHOR = re.compile(
    r"^(?:(?:In addition|Furthermore|Moreover|However|As a result|Consequently),\s+)?"
    r"(?:(?:It|They|This|These|Such|Those)\b|(?:\S+\s+){0,4}?(?:these|such|this|those)\s+"
    r"(?:changes?|measures?|practices?|problems?|shortcomings?|gaps?|delays?|factors?|issues?|cases?|"
    r"developments?|decisions?|policies|policy|reports?|allegations?|conditions?)\b)"
)
_TURN = re.compile(r"(?:However|Nevertheless|Despite|But|Yet)\b", re.I)
# The summary's list of what went well ("These efforts included …", "Despite the lack of
# significant efforts, the government took some steps …"): not a deficit, whatever it opens with.
_ACHIEVEMENTS = re.compile(
    r"\b(?:took (?:some|several|a few) steps|(?:these|such|key) (?:efforts|achievements) included|"
    r"made (?:some|key) achievements)\b",
    re.I,
)
_DEFICIT_OPENER = re.compile(
    r"\b(?:however|despite|but|although)\b[^.]*\b(?:did not|does not|not)\b[^.]*\b(?:meet|demonstrate|making)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A body sentence that can be evidence, with what the vocabulary and structure say of it."""

    section_kind: SectionKind
    paragraph_id: str
    sentence: Sentence
    concepts: tuple[ConceptHit, ...]
    deficit: bool
    decline: bool
    summary_deficit: bool
    points_back: bool


def evidence_candidates(report: Report) -> list[Candidate]:
    """The body sentences that can be evidence, with what the vocabulary finds in each."""
    found: list[Candidate] = []
    in_deficit = False
    for section, paragraph, sentence in report.sentences():
        if section.kind is SectionKind.RECOMMENDATIONS:
            continue
        summary = section.kind is SectionKind.INTRO
        achievements = bool(_ACHIEVEMENTS.search(sentence.text))
        if summary and not achievements and (_DEFICIT_OPENER.search(sentence.text) or _TURN.match(sentence.text)):
            in_deficit = True
        if any(pattern.search(sentence.text) for pattern in _FRAMING):
            continue
        found_signals = signals(sentence.text)
        found.append(
            Candidate(
                section_kind=section.kind,
                paragraph_id=paragraph.id,
                sentence=sentence,
                concepts=found_signals.concepts,
                deficit=bool(found_signals.cues) and not achievements,
                decline=bool(found_signals.declines),
                summary_deficit=summary and in_deficit and not achievements,
                points_back=bool(_ANAPHOR.search(sentence.text)),
            )
        )
    return found


def common_stems(candidates: Sequence[Candidate]) -> frozenset[str]:
    """Stems in so many sentences that highlighting them says nothing ("trafficking")."""
    counts: dict[str, int] = {}
    for candidate in candidates:
        for word in {stem(w) for w in WORD.findall(candidate.sentence.text)}:
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, int(_COMMON_SHARE * len(candidates)))
    return frozenset(word for word, count in counts.items() if count > limit)


def concept_weights(candidates: Sequence[Candidate]) -> dict[str, float]:
    """Inverse document frequency of each concept over the body sentences."""
    total = len(candidates) or 1
    frequency: dict[str, int] = {}
    for candidate in candidates:
        for key in {hit.concept.key for hit in candidate.concepts}:
            frequency[key] = frequency.get(key, 0) + 1
    weights: dict[str, float] = {}
    for key, count in frequency.items():
        weights[key] = math.log((total + 1) / (count + 0.5))
    return weights

"""Recommendation ↔ evidence links: the body sentences that justify each recommendation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tipbrowser.evidence_signals import Candidate, common_stems, concept_weights, evidence_candidates
from tipbrowser.evidence_text import (
    blank,
    matched_terms,
    qualifier_spans,
    request_verbs,
    request_words,
    stem,
)
from tipbrowser.model import Recommendation, Report, SectionKind
from tipbrowser.vocabulary import ConceptHit, find_concepts

if TYPE_CHECKING:
    from tipbrowser.search import SearchIndex

__all__ = [
    "Evidence",
    "Link",
    "link_evidence",
    "supported_by",
    "recommendation_pillar",
    "MAX_EVIDENCE",
    "THRESHOLD",
]

MAX_EVIDENCE = 10
"""At most this many pieces of evidence per recommendation."""

THRESHOLD = 0.25
"""Evidence scoring below this is dropped rather than shown as padding."""

# How the parts of the score combine (each part lies in 0..1 before weighting).
_LEXICAL_WEIGHT = 0.45
_CONCEPT_WEIGHT = 0.55
_SAME_PILLAR = 1.15
_OTHER_PILLAR = 0.8
_DEFICIT = 1.2
_SUMMARY_DEFICIT = 1.1
_NO_DEFICIT = 0.8
_DECLINE = 1.2
_CLEAR_PILLAR = 0.6
_ANAPHORA = 0.6
_QUALIFIED = 0.5
_SPECIFIC = 1.5
_OFF_TOPIC = 0.85
_PARAGRAPH = 0.1

_PILLAR_KINDS = {
    SectionKind.PROSECUTION: "prosecution",
    SectionKind.PROTECTION: "protection",
    SectionKind.PREVENTION: "prevention",
}

# A request to stop a practice ("End the mobilization …", "Stop detaining …"): its findings
# report the practice itself, so a sentence without deficit words is not marked down.
_STOP_REQUEST = re.compile(
    r"^(?:and\s+)?(?:stop|end|cease|halt|refrain from|avoid|do not|discontinue|abolish|eliminate)\b", re.I
)

class _Lexical(Protocol):
    def bm25(
        self,
        terms: Sequence[str],
        *,
        report_id: str | None = None,
        exclude_section_kinds: Sequence[str] = (),
        limit: int = 50,
    ) -> list[tuple[str, float]]: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that supports a recommendation, with why it was chosen."""

    sentence_id: str
    paragraph_id: str
    section_kind: str
    score: float
    text: str
    terms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A recommendation and its evidence, best first."""

    recommendation_id: str
    recommendation: str
    pillar: str | None
    evidence: tuple[Evidence, ...]


def link_evidence(report: Report, index: SearchIndex | _Lexical | None = None) -> tuple[Link, ...]:
    """Link every recommendation of `report` to the body sentences that justify it."""
    if not report.recommendations:
        return ()
    if index is None:
        from tipbrowser.search import SearchIndex

        index = SearchIndex.build([report])
    found = evidence_candidates(report)
    weights = concept_weights(found)
    common = common_stems(found)
    return tuple(_link(report, rec, found, weights, common, index) for rec in report.recommendations)


def supported_by(links: Sequence[Link]) -> dict[str, tuple[str, ...]]:
    """Sentence id → the ids of the recommendations it supports, in recommendation order."""
    found: dict[str, list[str]] = {}
    for link in links:
        for evidence in link.evidence:
            found.setdefault(evidence.sentence_id, []).append(link.recommendation_id)
    return {sentence_id: tuple(ids) for sentence_id, ids in found.items()}


def recommendation_pillar(text: str, weights: dict[str, float] | None = None) -> str | None:
    """The pillar a recommendation belongs to, inferred from its vocabulary, if clear."""
    shares = _pillar_shares(text, weights)
    best = max(shares, key=shares.__getitem__, default=None)
    return best if best is not None and shares[best] >= _CLEAR_PILLAR else None


def _pillar_shares(text: str, weights: dict[str, float] | None) -> dict[str, float]:
    """How much of a recommendation's pillar vocabulary belongs to each pillar."""
    votes: dict[str, float] = {}
    concepts = {hit.concept.key: hit.concept for hit in find_concepts(text)}
    for key, concept in concepts.items():
        if concept.pillar:
            weight = (weights or {}).get(key, 1.0)
            votes[concept.pillar] = votes.get(concept.pillar, 0.0) + weight
    total = sum(votes.values())
    return {pillar: vote / total for pillar, vote in votes.items()} if total > 0 else {}


def _link(
    report: Report,
    rec: Recommendation,
    candidates: Sequence[Candidate],
    weights: dict[str, float],
    common: frozenset[str],
    index: _Lexical,
) -> Link:
    qualifiers = qualifier_spans(rec.text)
    main_text = blank(rec.text, qualifiers)
    words = request_words(rec.text)
    main_words = request_words(main_text)
    limit = sum(1 for _ in report.sentences())
    lexical = _combine(
        (1.0, _lexical_scores(index, report.id, main_words, limit)),
        (_QUALIFIED, _lexical_scores(index, report.id, [w for w in words if w not in main_words], limit)),
    )
    rec_hits = find_concepts(rec.text)
    rec_concepts = _concept_mass(rec_hits, weights, [*qualifiers, request_verbs(rec.text)])
    shares = _pillar_shares(rec.text, weights)
    stops = bool(_STOP_REQUEST.match(rec.text.strip()))
    stems = {stem(word) for word in words} - common
    bases = [_base(candidate, lexical, rec_concepts) for candidate in candidates]
    context = _context(candidates, [base for base, _ in bases])
    scored: list[tuple[float, int, set[str], list[str]]] = []
    for i, (candidate, (base, shared), (extra, follows)) in enumerate(zip(candidates, bases, context)):
        if base + extra > 0:
            factor, reasons = _weigh(candidate, shared, follows, shares, stops)
            scored.append(((base + extra) * factor, i, shared, reasons))
    scale = max(1.0, max((raw for raw, *_ in scored), default=0.0))
    scored.sort(key=lambda item: (-item[0], item[1]))
    evidence = tuple(
        _evidence(candidates[i], round(raw / scale, 4), shared, reasons, rec_hits, stems)
        for raw, i, shared, reasons in scored[:MAX_EVIDENCE]
        if raw / scale >= THRESHOLD
    )
    return Link(rec.id, rec.text, recommendation_pillar(rec.text, weights), evidence)


def _base(
    candidate: Candidate, lexical: dict[str, float], rec_concepts: dict[str, float]
) -> tuple[float, set[str]]:
    """Lexical relevance plus the share of the recommendation's concepts the sentence holds."""
    lex = lexical.get(candidate.sentence.id, 0.0)
    strength: dict[str, float] = {}
    for hit in candidate.concepts:
        if hit.concept.key in rec_concepts:
            strength[hit.concept.key] = max(strength.get(hit.concept.key, 0.0), hit.strength)
    mass = sum(rec_concepts.values())
    if mass <= 0:
        return lex, set()
    concept = sum(rec_concepts[key] * value for key, value in strength.items()) / mass
    return _LEXICAL_WEIGHT * lex + _CONCEPT_WEIGHT * concept, set(strength)


def _context(candidates: Sequence[Candidate], bases: Sequence[float]) -> list[tuple[float, bool]]:
    """What a sentence borrows from its paragraph.

    A sentence that opens by pointing back ("These changes …") continues its predecessor's
    finding; any other relevant sentence borrows a little from the paragraph's strongest
    other sentence, since a paragraph keeps to one finding.
    """
    best: dict[str, list[float]] = {}
    for candidate, base in zip(candidates, bases):
        top = best.setdefault(candidate.paragraph_id, [0.0, 0.0])
        if base > top[0]:
            top[:] = [base, top[0]]
        elif base > top[1]:
            top[1] = base
    extra: list[tuple[float, bool]] = []
    for i, candidate in enumerate(candidates):
        pid = candidate.paragraph_id
        before = bases[i - 1] if i > 0 and candidates[i - 1].paragraph_id == pid else 0.0
        top, second = best[pid]
        others = second if bases[i] >= top else top
        if before > 0 and candidate.points_back:
            extra.append((_ANAPHORA * before, True))
        elif bases[i] > 0:
            extra.append((_PARAGRAPH * others, False))
        else:
            extra.append((0.0, False))
    return extra


def _weigh(
    candidate: Candidate, shared: set[str], follows: bool, shares: dict[str, float], stops: bool
) -> tuple[float, list[str]]:
    """How much the pillar, deficit and decline signals scale a sentence, and why."""
    reasons: list[str] = []
    factor = 1.0
    section_pillar = _PILLAR_KINDS.get(candidate.section_kind)
    if shares and section_pillar:
        share = shares.get(section_pillar, 0.0)
        factor *= _OTHER_PILLAR + (_SAME_PILLAR - _OTHER_PILLAR) * share
        if share >= _CLEAR_PILLAR:
            reasons.append(f"same pillar: {section_pillar}")
    own = {hit.concept.key for hit in candidate.concepts if hit.concept.specific and hit.strength >= 1}
    if own and not own & shared:
        factor *= _OFF_TOPIC
    if candidate.decline and shared:
        factor *= _DECLINE
        reasons.append("decline")
    if candidate.deficit:
        factor *= _DEFICIT
        reasons.append("deficit")
    elif not stops:
        factor *= _NO_DEFICIT
    if candidate.summary_deficit:
        factor *= _SUMMARY_DEFICIT
        reasons.append("summary deficit")
    if follows:
        reasons.append("continues the previous finding")
    return factor, reasons


def _evidence(
    candidate: Candidate,
    score: float,
    shared: set[str],
    reasons: list[str],
    rec_hits: Sequence[ConceptHit],
    stems: set[str],
) -> Evidence:
    """The evidence record for a chosen sentence, with its matched terms and reasons."""
    sentence = candidate.sentence
    terms, spans, vocabulary = matched_terms(sentence.text, candidate.concepts, shared, rec_hits, stems)
    return Evidence(
        sentence_id=sentence.id,
        paragraph_id=candidate.paragraph_id,
        section_kind=candidate.section_kind.value,
        score=score,
        text=sentence.text,
        terms=terms,
        spans=spans,
        reasons=(*vocabulary, *reasons),
    )


def _concept_mass(
    hits: Sequence[ConceptHit], weights: dict[str, float], qualifiers: Sequence[tuple[int, int]]
) -> dict[str, float]:
    """How much each concept of a recommendation counts.

    Rarer concepts count for more, specific ones more again, and those only named in a
    qualifier ("including children") or by the opening verbs ("Train …", "Investigate and
    prosecute …": the means rather than the matter) for half. A generic word that another
    concept qualifies ("consular officers") stands for that concept, not its own.
    """
    mass: dict[str, float] = {}
    ends = {hit.end: hit.concept.key for hit in hits}
    starts = {hit.start: hit.concept.key for hit in hits}
    for hit in hits:
        key = hit.concept.key
        if hit.strength < 1 and _modified(hit, ends):
            continue
        weight = weights.get(key, max(weights.values(), default=1.0))
        if hit.concept.specific:
            weight *= _SPECIFIC
        if any(start <= hit.start < end for start, end in qualifiers) or _modifier(hit, starts):
            weight *= _QUALIFIED
        mass[key] = max(mass.get(key, 0.0), weight)
    return mass


def _modified(hit: ConceptHit, ends: dict[int, str]) -> bool:
    """Whether a phrase of another concept ends one space before `hit` ("consular officers")."""
    for gap in (1, 2):
        key = ends.get(hit.start - gap)
        if key is not None and key != hit.concept.key:
            return True
    return False


def _modifier(hit: ConceptHit, starts: dict[int, str]) -> bool:
    """Whether `hit` is a participle qualifying another concept ("trained social workers")."""
    if not hit.text.lower().endswith("ed"):
        return False
    return any(starts.get(hit.end + gap, hit.concept.key) != hit.concept.key for gap in (1, 2))


def _combine(*parts: tuple[float, dict[str, float]]) -> dict[str, float]:
    """A weighted sum of relevance scores (main clause, qualifiers), scaled to a best of 1."""
    combined: dict[str, float] = {}
    for weight, scores in parts:
        for sentence_id, score in scores.items():
            combined[sentence_id] = combined.get(sentence_id, 0.0) + weight * score
    best = max(combined.values(), default=0.0)
    return {key: value / best for key, value in combined.items()} if best > 0 else {}


def _lexical_scores(index: _Lexical, report_id: str, words: Sequence[str], limit: int) -> dict[str, float]:
    """BM25 of the recommendation's words, scaled so the best sentence scores 1."""
    if not words:
        return {}
    hits = index.bm25(
        words,
        report_id=report_id,
        exclude_section_kinds=(SectionKind.RECOMMENDATIONS.value,),
        limit=limit,
    )
    best = max((score for _, score in hits), default=0.0)
    if best <= 0:
        return {}
    return {sentence_id: score / best for sentence_id, score in hits}



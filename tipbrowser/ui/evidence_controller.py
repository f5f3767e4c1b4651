"""Walking recommendations and their evidence, without Textual: which one, which sentence, what to mark."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipbrowser.model import Report, Span

if TYPE_CHECKING:  # the linker loads in the worker that links, not with the app
    from tipbrowser.evidence import Evidence, Link

__all__ = ["EvidenceWalk", "recommendation_label", "marker_for"]


def recommendation_label(recommendation_id: str) -> str:
    """The short name of a recommendation: "r3"."""
    return recommendation_id.rsplit("/", 1)[-1]


def marker_for(recommendation_ids: Sequence[str]) -> str:
    """The one-character gutter marker for a sentence supporting these recommendations.

    The number of the recommendation when there is one (1–9), else "*".
    """
    if len(recommendation_ids) == 1:
        number = recommendation_label(recommendation_ids[0]).lstrip("r")
        if len(number) == 1 and number.isdigit():
            return number
    return "*"


class EvidenceWalk:
    """The links of one report and where the reader is among them.

    `recommendation` and `evidence` are positions in `links` and in the selected link's
    evidence; None until the reader picks or steps to one. Stepping wraps around.
    """

    def __init__(self, report: Report, links: Sequence[Link]) -> None:
        from tipbrowser.evidence import supported_by

        self.report = report
        self.links = tuple(links)
        self.supports = supported_by(self.links)
        """Sentence id → the ids of the recommendations it supports."""
        self.recommendation: int | None = None
        self.evidence: int | None = None
        self._positions = {link.recommendation_id: number for number, link in enumerate(self.links)}

    @property
    def link(self) -> Link | None:
        """The selected recommendation's link."""
        return None if self.recommendation is None else self.links[self.recommendation]

    @property
    def current_evidence(self) -> Evidence | None:
        """The selected piece of evidence."""
        link = self.link
        if link is None or self.evidence is None or self.evidence >= len(link.evidence):
            return None
        return link.evidence[self.evidence]

    def select(self, recommendation_id: str) -> Link | None:
        """Select a recommendation by id (its evidence position resets when it changes)."""
        number = self._positions.get(recommendation_id)
        if number is None:
            return None
        if number != self.recommendation:
            self.recommendation, self.evidence = number, None
        return self.links[number]

    def follow_reader(self, sentence_id: str | None) -> Link | None:
        """Select the recommendation sentence `sentence_id` holds, if the reader is on one."""
        sentence = self.report.find(sentence_id) if sentence_id else None
        span = getattr(sentence, "span", None)
        if span is None:
            return None
        overlapping = [r.id for r in self.report.recommendations if r.span.start < span.end and span.start < r.span.end]
        if not overlapping:
            return None
        selected = self.link
        if selected is not None and selected.recommendation_id in overlapping:
            return selected  # a sentence holding several recommendations keeps the one chosen
        return self.select(overlapping[0])

    def step_recommendation(self, step: int) -> Link | None:
        """Select the recommendation `step` (±1) away, wrapping; the first (or last) when none is."""
        if not self.links:
            return None
        if self.recommendation is None:
            number = 0 if step > 0 else len(self.links) - 1
        else:
            number = (self.recommendation + step) % len(self.links)
        return self.select(self.links[number].recommendation_id)

    def select_evidence(self, position: int) -> Evidence | None:
        """Select the selected recommendation's evidence at `position`."""
        link = self.link
        if link is None or not 0 <= position < len(link.evidence):
            return None
        self.evidence = position
        return link.evidence[position]

    def step_evidence(self, step: int) -> Evidence | None:
        """Select the evidence `step` (±1) away, wrapping; selects the first recommendation if none is."""
        link = self.link or self.step_recommendation(1)
        if link is None or not link.evidence:
            return None
        if self.evidence is None:
            position = 0 if step > 0 else len(link.evidence) - 1
        else:
            position = (self.evidence + step) % len(link.evidence)
        return self.select_evidence(position)

    def spans(self, evidence: Evidence) -> list[Span]:
        """The matched terms of `evidence` as report-text spans."""
        sentence = self.report.find(evidence.sentence_id)
        if sentence is None or not hasattr(sentence, "span"):
            return []
        start = sentence.span.start
        return [Span(start + low, start + high) for low, high in evidence.spans]

    def markers(self) -> dict[str, str]:
        """Sentence id → gutter marker for every sentence that supports a recommendation."""
        return {sentence_id: marker_for(ids) for sentence_id, ids in self.supports.items()}

    def supported_from(self, sentence_id: str | None) -> tuple[str, ...]:
        """The ids of the recommendations sentence `sentence_id` supports."""
        return self.supports.get(sentence_id or "", ())

    def return_target(self, sentence_id: str | None) -> Link | None:
        """The recommendation to return to from a sentence: the selected one if it is supported, else the first."""
        ids = self.supported_from(sentence_id)
        if not ids:
            return None
        selected = self.link
        chosen = selected.recommendation_id if selected is not None and selected.recommendation_id in ids else ids[0]
        link = self.select(chosen)
        if link is not None:
            position = next((n for n, e in enumerate(link.evidence) if e.sentence_id == sentence_id), None)
            self.evidence = position
        return link

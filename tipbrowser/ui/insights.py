"""The reading screen's metrics and recommendation links: computed off the UI thread, routed to panes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.style import Style
from textual.content import Content
from textual.css.query import NoMatches

from tipbrowser.model import Report, Span
from tipbrowser.ui.widgets.document import DocumentView

if TYPE_CHECKING:
    from tipbrowser.evidence import Link
    from tipbrowser.metrics import Metric
    from tipbrowser.ui.evidence_controller import EvidenceWalk
    from tipbrowser.ui.screens.reading import ReadingScreen
    from tipbrowser.ui.widgets.metrics_panel import MetricsPanel
    from tipbrowser.ui.widgets.recommendations_panel import RecommendationsPanel

__all__ = ["Insights", "InsightsRoutes", "METRIC_LAYER", "EVIDENCE_LAYER"]

METRIC_LAYER = "metric"
"""The highlight layer marking the figure picked in the Metrics tab."""
EVIDENCE_LAYER = "evidence"
"""The highlight layer marking the matched terms of the evidence being read."""


def _metrics_of(report: Report) -> tuple[Metric, ...]:
    from tipbrowser.metrics import extract_metrics

    return extract_metrics(report)


def _links_of(report: Report) -> tuple[Link, ...]:
    from tipbrowser.evidence import link_evidence

    return link_evidence(report)


class Insights:
    """Metrics and evidence links for the report on a reading screen, and the jumps they offer.

    Both are computed in a worker after the first frame; results for a report that is no
    longer on view are dropped. Until they arrive the tabs say they are being found.
    """

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.report: Report | None = None
        """The report the figures and links belong to."""
        self.metrics: tuple[Metric, ...] | None = None
        """Its metrics, once extracted."""
        self.walk: EvidenceWalk | None = None
        """Its links and where the reader is among them, once linked."""

    # ----------------------------------------------------------------- computing

    def show_report(self, report: Report) -> None:
        """Forget the last report's figures and links; find `report`'s after the next frame."""
        self.report, self.metrics, self.walk = report, None, None
        self.fill_metrics()
        self.fill_recommendations()
        self.screen.call_after_refresh(self._start, report)

    def _start(self, report: Report) -> None:
        if report is self.report and self.screen.is_attached:
            self.screen.run_worker(self._compute(report), group="insights", exclusive=True, name="insights")

    async def _compute(self, report: Report) -> None:
        from tipbrowser.ui.evidence_controller import EvidenceWalk

        try:
            metrics = await asyncio.to_thread(_metrics_of, report)
            if report is not self.report:
                return
            self.metrics = metrics
            self.fill_metrics()
            links = await asyncio.to_thread(_links_of, report)
        except NoMatches:  # the app is closing and the screen's widgets are gone
            return
        except Exception as error:  # a figure or a link must never take the reader down
            self.screen.notify(Content(f"Could not analyse this report: {type(error).__name__}"), severity="error")  # type: ignore[arg-type]
            return
        if report is not self.report:
            return
        self.walk = EvidenceWalk(report, links)
        try:
            self.document.set_markers(self.walk.markers())
            self.fill_recommendations()
        except NoMatches:  # the app is closing and the screen's widgets are gone
            return

    # ----------------------------------------------------------------- panes

    @property
    def document(self) -> DocumentView:
        """The screen's document view."""
        return self.screen.document

    # The tabs are found by type name: their modules load with the side panel's tabs, after
    # the first frame, and a report shown before then need not import them to find none.

    def _metrics_panel(self) -> MetricsPanel | None:
        found = self.screen.query("MetricsPanel")
        return found.first() if found else None  # type: ignore[return-value]

    def _recommendations_panel(self) -> RecommendationsPanel | None:
        found = self.screen.query("RecommendationsPanel")
        return found.first() if found else None  # type: ignore[return-value]

    def fill_metrics(self) -> None:
        """Give the Metrics tab the metrics found so far."""
        panel = self._metrics_panel()
        if panel is not None:
            panel.show_metrics(self.metrics)

    def fill_recommendations(self) -> None:
        """Give the Recommendations tab the links found so far."""
        panel = self._recommendations_panel()
        if panel is not None:
            panel.show_links(None if self.walk is None else self.walk.links)
            self._sync_panel()
            self.current_changed(self.document.current_sentence)

    def _sync_panel(self) -> None:
        panel, walk = self._recommendations_panel(), self.walk
        if panel is not None and walk is not None and walk.link is not None:
            panel.select(walk.link.recommendation_id, walk.evidence)

    def current_changed(self, sentence_id: str | None) -> None:
        """Tell the Recommendations tab which recommendations the current sentence supports."""
        panel = self._recommendations_panel()
        if panel is not None:
            panel.show_supports(() if self.walk is None else self.walk.supported_from(sentence_id))

    def _style(self, variable: str, **flags: bool) -> Style:
        colour = self.screen.app.get_css_variables().get(variable)
        return Style(color=colour, **flags) if colour else Style(**flags)

    def _not_ready(self) -> bool:
        if self.walk is None:
            self.screen.notify(Content("Still linking recommendations to their evidence; try again in a moment."))
        return self.walk is None

    # ----------------------------------------------------------------- jumps

    def pick_metric(self, sentence_id: str, span: Span) -> None:
        """Read the sentence a figure comes from, the figure highlighted (a history jump)."""
        if self.screen.go_to(sentence_id):
            self.document.set_highlights(METRIC_LAYER, [span], self._style("warning", bold=True, reverse=True))

    def go_to_recommendation(self, recommendation_id: str) -> None:
        """Select a recommendation and read it (a history jump)."""
        if self.walk is None or self.walk.select(recommendation_id) is None:
            return
        self.document.clear_highlights(EVIDENCE_LAYER)
        self.screen.go_to(recommendation_id)
        self._sync_panel()

    def select_recommendation(self, recommendation_id: str) -> None:
        """Follow the tab's cursor to a recommendation without moving the reader."""
        if self.walk is not None:
            self.walk.select(recommendation_id)

    def step_recommendation(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) recommendation."""
        if self._not_ready():
            return
        assert self.walk is not None
        self.walk.follow_reader(self.document.current_sentence)
        link = self.walk.step_recommendation(step)
        if link is None:
            self.screen.notify(Content("This report has no prioritized recommendations."))
            return
        self.go_to_recommendation(link.recommendation_id)

    def step_evidence(self, step: int) -> None:
        """Read the next (+1) or previous (-1) piece of the selected recommendation's evidence."""
        if self._not_ready():
            return
        assert self.walk is not None
        self.walk.follow_reader(self.document.current_sentence)
        if self.walk.step_evidence(step) is None:
            link = self.walk.link
            name = link.recommendation_id.rsplit("/", 1)[-1] if link else "any recommendation"
            self.screen.notify(Content(f"No passage was linked to {name}."))
            return
        self._read_evidence()

    def pick_evidence(self, recommendation_id: str, position: int) -> None:
        """Read a piece of evidence chosen in the tab."""
        if self.walk is not None and self.walk.select(recommendation_id) and self.walk.select_evidence(position):
            self._read_evidence()

    def _read_evidence(self) -> None:
        walk = self.walk
        evidence = None if walk is None else walk.current_evidence
        if walk is None or evidence is None:
            return
        if self.screen.go_to(evidence.sentence_id):
            self.document.set_highlights(EVIDENCE_LAYER, walk.spans(evidence), self._style("warning", bold=True, underline=True))
        self._sync_panel()

    def return_to_recommendation(self) -> None:
        """From a sentence that supports a recommendation, go to that recommendation."""
        if self._not_ready():
            return
        assert self.walk is not None
        link = self.walk.return_target(self.document.current_sentence)
        if link is None:
            self.screen.notify(Content("The current sentence is not linked to any recommendation."))
            return
        self.screen.go_to(link.recommendation_id)
        self._sync_panel()


class InsightsRoutes:
    """The reading screen's routes for metrics and recommendations (mixed into `ReadingScreen`)."""

    _insights: Insights | None = None

    @property
    def insights(self) -> Insights:
        """The metrics and links of the report on view."""
        if self._insights is None:
            self._insights = Insights(self)  # type: ignore[arg-type]
        return self._insights

    def on_metrics_panel_ready(self) -> None:
        """Fill the Metrics tab once it exists."""
        self.insights.fill_metrics()

    def on_metrics_panel_picked(self, message: MetricsPanel.Picked) -> None:
        """Read the sentence of the figure picked."""
        self.insights.pick_metric(message.sentence_id, message.span)

    def on_recommendations_panel_ready(self) -> None:
        """Fill the Recommendations tab once it exists."""
        self.insights.fill_recommendations()

    def on_recommendations_panel_selected(self, message: RecommendationsPanel.Selected) -> None:
        """Follow the tab's cursor."""
        self.insights.select_recommendation(message.recommendation_id)

    def on_recommendations_panel_picked(self, message: RecommendationsPanel.Picked) -> None:
        """Read the recommendation picked."""
        self.insights.go_to_recommendation(message.recommendation_id)

    def on_recommendations_panel_evidence_picked(self, message: RecommendationsPanel.EvidencePicked) -> None:
        """Read the piece of evidence picked."""
        self.insights.pick_evidence(message.recommendation_id, message.position)

    def on_document_view_current_changed(self, message: DocumentView.CurrentChanged) -> None:
        """Say which recommendations the current sentence supports."""
        self.insights.current_changed(message.sentence_id)

    def action_next_recommendation(self) -> None:
        """Go to the next recommendation."""
        self.insights.step_recommendation(1)

    def action_previous_recommendation(self) -> None:
        """Go to the previous recommendation."""
        self.insights.step_recommendation(-1)

    def action_next_evidence(self) -> None:
        """Read the next passage supporting the selected recommendation."""
        self.insights.step_evidence(1)

    def action_previous_evidence(self) -> None:
        """Read the previous passage supporting the selected recommendation."""
        self.insights.step_evidence(-1)

    def action_supported_recommendation(self) -> None:
        """Go to the recommendation the current sentence supports."""
        self.insights.return_to_recommendation()

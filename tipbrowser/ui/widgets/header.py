"""The header: report title, country and year, and the tier as a coloured badge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tipbrowser.model import Report, Tier
from tipbrowser.text import slugify, visible

__all__ = ["ReportHeader", "tier_class"]


def tier_class(tier: Tier | None) -> str:
    """The CSS class of a tier badge: ``tier-2-watch-list``, ``special-case``, ``tier-none``."""
    return slugify(tier.value) if tier is not None else "tier-none"


def _parts(report: Report) -> tuple[Content, Content, Content]:
    """The title, the country and year, and the badge's text."""
    meta = " · ".join(str(part) for part in (report.country, report.year) if part)
    badge = f" {report.tier.value} " if report.tier else " tier not stated "
    return Content(visible(report.display_title)), Content(visible(meta)), Content(badge)


class ReportHeader(Horizontal):
    """One line naming the report on view, with its tier badge."""

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report = report
        """The report named."""

    def compose(self) -> ComposeResult:
        title, meta, badge = _parts(self.report)
        yield Static(title, id="report-title")
        yield Static(meta, id="report-meta")
        yield Static(badge, id="tier-badge", classes=tier_class(self.report.tier))

    def show_report(self, report: Report) -> None:
        """Show `report`'s title, country, year and tier."""
        if report is self.report and self.is_mounted:
            return  # composed showing it
        self.report = report
        title, meta, badge = _parts(report)
        self.query_one("#report-title", Static).update(title)
        self.query_one("#report-meta", Static).update(meta)
        tier = self.query_one("#tier-badge", Static)
        tier.update(badge)
        tier.set_classes(tier_class(report.tier))

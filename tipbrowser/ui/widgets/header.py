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


class ReportHeader(Horizontal):
    """One line naming the report on view, with its tier badge."""

    def compose(self) -> ComposeResult:
        yield Static(id="report-title")
        yield Static(id="report-meta")
        yield Static(id="tier-badge")

    def show_report(self, report: Report) -> None:
        """Show `report`'s title, country, year and tier."""
        self.query_one("#report-title", Static).update(Content(visible(report.display_title)))
        meta = " · ".join(str(part) for part in (report.country, report.year) if part)
        self.query_one("#report-meta", Static).update(Content(visible(meta)))
        badge = self.query_one("#tier-badge", Static)
        badge.update(Content(f" {report.tier.value} " if report.tier else " tier not stated "))
        badge.set_classes(tier_class(report.tier))

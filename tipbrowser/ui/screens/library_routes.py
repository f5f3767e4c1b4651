"""The reading screen's library routes: the report picker (`o`), the compare view (`c`), and opening a report at a passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen

if TYPE_CHECKING:
    from tipbrowser.model import Report
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["LibraryRoutes", "show_report_at", "open_picker", "open_compare"]


def show_report_at(app: TipBrowserApp, report_id: str, node_id: str | None = None) -> bool:
    """Close any screen over the reader, switch it to `report_id` and go to `node_id` there.

    Switching goes through `TipBrowserApp.switch_report`, the one route that keeps the
    header, tree, text, metrics, recommendations and search in step.
    """
    numbers = [n for n, report in enumerate(app.reports) if report.id == report_id]
    if not numbers:
        return False
    while len(app.screen_stack) > 1:
        app.pop_screen()
    if numbers[0] != app.current:
        app.switch_report(numbers[0])
    if node_id is not None and node_id != report_id:
        return app.reading.go_to(node_id)
    return True


def open_picker(app: TipBrowserApp) -> None:
    """Show the report picker (over the reader)."""
    from tipbrowser.ui.screens.picker import PickerScreen

    if not isinstance(app.screen, PickerScreen):
        app.push_screen(PickerScreen())


def open_compare(app: TipBrowserApp, country: str | None) -> None:
    """Show the compare view for `country` across the years open."""
    from tipbrowser.ui.screens.compare import CompareScreen

    if not country:
        app.notify(Content("This report names no country to compare."), title="Compare", timeout=4)  # type: ignore[arg-type]
        return
    if isinstance(app.screen, CompareScreen):
        app.pop_screen()
    app.push_screen(CompareScreen(country))


class LibraryRoutes(Screen[None]):
    """Mixed into the reading screen: `o` opens the picker, `c` compares the current report's country."""

    report: Report

    def action_pick_report(self) -> None:
        """Show the report picker."""
        open_picker(self.app)  # type: ignore[arg-type]

    def action_compare(self) -> None:
        """Compare the current report's country across the years open."""
        open_compare(self.app, self.report.country)  # type: ignore[arg-type]

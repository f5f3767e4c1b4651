"""Palette commands for many reports: the picker, and "Compare <country> across years"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING


from tipbrowser.text import visible
from tipbrowser.ui.commands import TableProvider
from tipbrowser.ui.screens.library_routes import open_compare, open_picker

if TYPE_CHECKING:
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["LibraryCommands", "countries_to_compare"]


def countries_to_compare(app: TipBrowserApp) -> list[str]:
    """The current report's country, then every country open in two years or more."""
    years = Counter(report.country for report in app.reports if report.country)
    current = app.report.country
    several = sorted(country for country, count in years.items() if count > 1 and country != current)
    return ([current] if current else []) + several


class LibraryCommands(TableProvider):
    """Pick a report; compare a country across the years open."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """(prompt, help, callback) for each command."""
        app: TipBrowserApp = self.app  # type: ignore[assignment]
        count = len(app.reports)
        yield "Pick a report…", f"The {count} open reports by year and country; also lists files skipped (o)", partial(open_picker, app)
        for country in countries_to_compare(app):
            yield f"Compare {visible(country)} across years", "Tier history, metrics by year, recommendations diffed (c)", partial(open_compare, app, country)

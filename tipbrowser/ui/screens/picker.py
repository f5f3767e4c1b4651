"""The report picker: the open reports by year and country with tier badges, filtered as you type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tipbrowser.model import Report
from tipbrowser.text import visible
from tipbrowser.ui.library_loader import LibraryChanged
from tipbrowser.ui.screens.library_routes import show_report_at
from tipbrowser.ui.widgets.tier_badge import tier_badge

if TYPE_CHECKING:
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["PickerScreen", "picker_matches", "picker_options"]


def _haystack(report: Report) -> str:
    tier = report.tier.value if report.tier else "no tier"
    return " ".join(str(part) for part in (report.country, report.year, tier, report.display_title, report.id) if part).casefold()


def picker_matches(reports: Sequence[Report], query: str) -> list[Report]:
    """The reports whose country, year, tier, title or id hold every word of `query`, newest year first."""
    words = query.casefold().split()
    chosen = [report for report in reports if all(word in _haystack(report) for word in words)]
    return sorted(chosen, key=lambda r: (-(r.year or 0), (r.country or "").casefold(), r.id))


def picker_options(reports: Sequence[Report], current: str, variables: Mapping[str, str]) -> list[Option]:
    """One disabled heading per year, then one option per report (id = the report's id)."""
    options: list[Option] = []
    year: int | None | str = ""
    for report in reports:
        if report.year != year:
            year = report.year
            options.append(Option(Content(str(year or "Year not stated")).stylize("bold"), disabled=True))
        mark = "▸ " if report.id == current else "  "
        country = visible(report.country or "Country not stated")
        tier = report.tier.value if report.tier else None
        prompt = Content(f"{mark}{country}  ") + tier_badge(tier, variables) + Content(f"  {visible(report.display_title)}").stylize("dim")
        options.append(Option(prompt, id=report.id))
    return options


class PickerScreen(ModalScreen[None]):
    """Pick one of the open reports; it also lists the files that were skipped."""

    CSS_PATH = "picker.tcss"

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._query: str | None = None
        """The filter the list was last filled with."""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(id="picker-title")
            yield Input(placeholder="Filter by country, year, tier or title", id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static(id="picker-skipped")

    @property
    def tipbrowser(self) -> TipBrowserApp:
        """The app (typed)."""
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        """List the reports and put the cursor in the filter."""
        self._fill()
        self.query_one(Input).focus()

    def on_library_changed(self, message: LibraryChanged) -> None:
        """More reports arrived: list them too."""
        self._fill()

    def on_input_changed(self, message: Input.Changed) -> None:
        """Filter as the user types."""
        self._fill()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted report."""
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self._open(listing.get_option_at_index(listing.highlighted).id)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a report opens it."""
        self._open(message.option.id)

    def action_move(self, step: int) -> None:
        """Move the list's highlight from the filter."""
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def _open(self, report_id: str | None) -> None:
        if report_id is not None:
            show_report_at(self.tipbrowser, report_id)

    def _fill(self) -> None:
        app = self.tipbrowser
        query = self.query_one(Input).value
        chosen = picker_matches(app.reports, query)
        listing = self.query_one(OptionList)
        before = listing.highlighted_option.id if listing.highlighted_option is not None else None
        listing.clear_options()
        listing.add_options(picker_options(chosen, app.report.id, app.get_css_variables()))
        ids = {report.id for report in chosen}
        if before in ids and not self._filtered_since(query):
            wanted: str | None = before
        elif app.report.id in ids and not query.strip():
            wanted = app.report.id
        else:
            wanted = chosen[0].id if chosen else None
        self._query = query
        if wanted is not None:
            listing.highlighted = listing.get_option_index(wanted)
        self.query_one("#picker-title", Static).update(Content(self._title(len(chosen))))
        self._show_skipped()

    def _filtered_since(self, query: str) -> bool:
        """Whether the filter changed since the list was last filled (then the best match leads)."""
        return query != self._query

    def _title(self, shown: int) -> str:
        app = self.tipbrowser
        total = len(app.reports)
        title = f"{total} reports open" if shown == total else f"{shown} of {total} reports match"
        library = app.library
        if library is not None and library.loading:
            title += f" — loading, {library.opening.done} of {library.opening.total} files read"
        return title + " · enter opens · esc closes"

    def _show_skipped(self) -> None:
        library = self.tipbrowser.library
        skipped = library.opening.skipped if library is not None else []
        panel = self.query_one("#picker-skipped", Static)
        panel.display = bool(skipped)
        if skipped:
            lines = [f"{len(skipped)} skipped:"] + [f"  {item}" for item in skipped]
            panel.update(Content("\n".join(lines)))

"""The compare view: one country across the years open — tier history, metrics by year, recommendations diffed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tipbrowser.compare import Comparison, Figure, MetricRow, TierStep, compare
from tipbrowser.errors import TipBrowserError
from tipbrowser.metrics import Range
from tipbrowser.text import visible
from tipbrowser.ui.screens.library_routes import show_report_at
from tipbrowser.ui.widgets.tier_badge import tier_badge

if TYPE_CHECKING:
    from tipbrowser.model import Report
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["CompareScreen", "figure_cell", "tier_history", "jump_figure", "CONFLICT_MARK", "LEGEND"]

CONFLICT_MARK = " !"
"""Appended to a figure the reports disagree about."""
LEGEND = "! = the reports state different figures for that year · enter on a figure reads the sentence it comes from"
_CHANGE_STYLES = {"new": "green", "repeated": "yellow", "dropped": "red"}


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def _value(value: float | Range) -> str:
    if isinstance(value, Range):
        return f"{_number(value.min)}–{_number(value.max)}"
    return _number(value)


def figure_cell(row: MetricRow, year: int, warning: str) -> Text:
    """A metric's figures for one year ("14 / 16 !" in `warning` when the reports disagree)."""
    found = row.by_year.get(year, ())
    values = " / ".join(dict.fromkeys(_value(figure.value) for figure in found))
    if year in row.conflicts:
        return Text(values + CONFLICT_MARK, style=f"bold {warning}")
    return Text(values)


def jump_figure(row: MetricRow, year: int) -> Figure | None:
    """The figure `enter` reads for one year: the one stated as that year's own, else the first."""
    found = row.by_year.get(year, ())
    return next((figure for figure in found if figure.stated_as == "current"), found[0] if found else None)


def tier_history(steps: Sequence[TierStep], variables: Mapping[str, str]) -> Content:
    """"2024 [Tier 2 Watch List] → 2025 [Tier 2]" with badges."""
    line = Content("Tier history: ")
    for number, step in enumerate(steps):
        if number:
            line += Content(" → ")
        line += Content(f"{step.year or '?'} ") + tier_badge(step.tier, variables)
    return line


class CompareScreen(Screen[None]):
    """Compares one country across the years open; computed off the UI thread."""

    CSS_PATH = "compare.tcss"

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, country: str) -> None:
        super().__init__()
        self.country = country
        """The country compared."""
        self.comparison: Comparison | None = None
        """The comparison, once computed."""

    def compose(self) -> ComposeResult:
        with Vertical(id="compare"):
            yield Static(Content(f"Comparing {visible(self.country)}…"), id="compare-title")
            yield Static(id="compare-tiers")
            yield Static(id="compare-note")
            yield Static(Content("Metrics by year"), classes="compare-heading")
            yield DataTable(id="compare-metrics", cursor_type="cell", zebra_stripes=True)
            yield Static(Content(LEGEND), id="compare-legend")
            yield Static(Content("Recommendations, year to year"), classes="compare-heading")
            yield DataTable(id="compare-recommendations", cursor_type="row")
        yield Footer()

    @property
    def tipbrowser(self) -> TipBrowserApp:
        """The app (typed)."""
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        """Compare in a thread; the tables say they are loading until then."""
        for table in self.query(DataTable):
            table.loading = True
        reports = list(self.tipbrowser.reports)
        self.run_worker(lambda: self._compute(reports), thread=True, group="compare", exclusive=True, name="compare")

    def _compute(self, reports: list[Report]) -> None:
        try:
            comparison: Comparison | str = compare(reports, self.country)
        except TipBrowserError as error:
            comparison = str(error)
        except Exception as error:  # noqa: BLE001 - a failed comparison must not take the reader with it
            from tipbrowser.ui.app import crash_line

            comparison = f"the comparison failed: {crash_line(error)}"
        if self.app.is_running:
            self.app.call_from_thread(self._show, comparison)

    def _show(self, comparison: Comparison | str) -> None:
        for table in self.query(DataTable):
            table.loading = False
        if isinstance(comparison, str):
            self._only_note(comparison[:1].upper() + comparison[1:] + ".")
            return
        self.comparison = comparison
        variables = self.app.get_css_variables()
        years = comparison.years
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "no year stated")
        self.query_one("#compare-title", Static).update(Content(f"{visible(comparison.country)} across {span}"))
        self.query_one("#compare-tiers", Static).update(tier_history(comparison.tiers, variables))
        if len(years) < 2:
            when = f" ({years[0]})" if years else ""
            self._only_note(
                f"Only one year of {visible(comparison.country)} is open{when}: open its narratives "
                "from other years (tipbrowser FOLDER, or o for the picker) to compare them."
            )
            return
        self.query_one("#compare-note", Static).display = False
        self._fill_metrics(comparison, variables.get("warning", "yellow"))
        self._fill_recommendations(comparison)
        self.query_one("#compare-metrics", DataTable).focus()

    def _only_note(self, sentence: str) -> None:
        """Say `sentence` in place of the tables."""
        note = self.query_one("#compare-note", Static)
        note.update(Content(sentence))
        note.display = True
        for widget in (*self.query(DataTable), *self.query(".compare-heading"), self.query_one("#compare-legend")):
            widget.display = False

    def _fill_metrics(self, comparison: Comparison, warning: str) -> None:
        table = self.query_one("#compare-metrics", DataTable)
        table.clear(columns=True)
        years = sorted({year for row in comparison.metrics for year in row.by_year})
        table.add_column(Text("Metric"), key="metric")
        for year in years:
            table.add_column(Text(str(year)), key=str(year))
        for row in comparison.metrics:
            name = Text(visible(row.key.replace("_", " ")))
            table.add_row(name, *(figure_cell(row, year, warning) for year in years), key=row.key)
        if years and comparison.metrics:
            table.move_cursor(row=0, column=1)

    def _fill_recommendations(self, comparison: Comparison) -> None:
        table = self.query_one("#compare-recommendations", DataTable)
        table.clear(columns=True)
        table.add_columns(Text("Year"), Text("Change"), Text("Recommendation"))
        for number, change in enumerate(comparison.recommendations):
            status = Text(change.status, style=_CHANGE_STYLES.get(change.status, ""))
            table.add_row(Text(str(change.year)), status, Text(visible(change.text)), key=str(number))

    # ----------------------------------------------------------------- jumping

    def on_data_table_cell_selected(self, message: DataTable.CellSelected) -> None:
        """Enter on a figure: read the sentence it comes from, in its report."""
        if self.comparison is None or message.data_table.id != "compare-metrics":
            return
        rows = {row.key: row for row in self.comparison.metrics}
        row = rows.get(str(message.cell_key.row_key.value))
        column = str(message.cell_key.column_key.value)
        if row is None or not column.isdigit():
            return
        figure = jump_figure(row, int(column))
        if figure is not None:
            show_report_at(self.tipbrowser, figure.report_id, figure.sentence_id)

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        """Enter on a recommendation: read it in its report."""
        if self.comparison is None or message.data_table.id != "compare-recommendations":
            return
        change = self.comparison.recommendations[int(str(message.row_key.value))]
        report = next((r for r in self.tipbrowser.reports if change.recommendation_id.startswith(r.id + "/")), None)
        if report is not None:
            show_report_at(self.tipbrowser, report.id, change.recommendation_id)

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss()

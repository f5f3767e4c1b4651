"""The compare view through the app: tier history, metrics by year with conflicts, recommendations diffed, jumps."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import DataTable, Static

from tipbrowser.compare import compare
from tipbrowser.library import load_reports
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.screens.compare import CONFLICT_MARK, CompareScreen, figure_cell, jump_figure

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SIZE = (120, 40)


async def _library(pilot, app: TipBrowserApp) -> None:
    for _ in range(3000):
        if app.library is not None and not app.library.loading:
            return
        await pilot.pause(0.02)
    raise AssertionError("the library never finished loading")


async def _compared(pilot, app: TipBrowserApp) -> CompareScreen:
    for _ in range(3000):
        screen = app.screen
        if isinstance(screen, CompareScreen) and not screen.query_one("#compare-metrics", DataTable).loading:
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the comparison never arrived")


def _cell(screen: CompareScreen, row: str, year: int) -> str:
    return str(screen.query_one("#compare-metrics", DataTable).get_cell(row, str(year)))


def test_figure_cells_flag_conflicts_and_enter_prefers_the_years_own_figure() -> None:
    rows = {row.key: row for row in compare(load_reports([LIBRARY]).reports, "freedonia").metrics}
    investigations = rows["investigations"]
    cell = figure_cell(investigations, 2023, "#ffa62b")
    assert cell.plain == "14 / 16" + CONFLICT_MARK and "#ffa62b" in str(cell.style)
    assert figure_cell(investigations, 2024, "red").plain == "25" and not figure_cell(investigations, 2024, "red").style
    own = jump_figure(investigations, 2023)
    assert own is not None and own.stated_as == "current" and own.report_id == "freedonia-2024"
    assert jump_figure(investigations, 1999) is None


async def test_c_compares_the_country_across_the_years_open() -> None:
    app = make_app([LIBRARY], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await _library(pilot, app)
        await pilot.press("c")
        screen = await _compared(pilot, app)
        assert str(screen.query_one("#compare-title", Static).render()) == "Freedonia across 2024–2025"
        tiers = str(screen.query_one("#compare-tiers", Static).render())
        assert "2024  Tier 2 Watch List  → 2025  Tier 2" in tiers
        assert _cell(screen, "investigations", 2023) == "14 / 16 !"
        assert _cell(screen, "investigations", 2024) == "25"
        assert "!" in str(screen.query_one("#compare-legend", Static).render())
        recs = screen.query_one("#compare-recommendations", DataTable)
        statuses = {str(recs.get_row_at(n)[1]) for n in range(recs.row_count)}
        assert statuses <= {"new", "repeated", "dropped"} and "repeated" in statuses
        assert not screen.query_one("#compare-note").display


async def test_enter_on_a_figure_reads_its_sentence_in_its_report() -> None:
    app = make_app([LIBRARY], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await _library(pilot, app)
        assert app.report.id == "freedonia-2024"
        app.switch_report(1)
        await pilot.pause()
        await pilot.press("c")
        screen = await _compared(pilot, app)
        table = screen.query_one("#compare-metrics", DataTable)
        row = table.get_row_index("investigations")
        column = table.get_column_index("2023")
        table.move_cursor(row=row, column=column)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        figure = jump_figure(screen.comparison.metrics[row], 2023)
        assert not isinstance(app.screen, CompareScreen)
        assert app.report.id == figure.report_id == "freedonia-2024"
        assert app.reading.document.report.id == "freedonia-2024"
        assert app.reading.document.current_sentence == figure.sentence_id


async def test_enter_on_a_recommendation_reads_it_in_its_own_report() -> None:
    app = make_app([LIBRARY], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await _library(pilot, app)
        for year, expected in ((2025, "freedonia-2025"), (2024, "freedonia-2024")):
            await pilot.press("c")
            screen = await _compared(pilot, app)
            changes = screen.comparison.recommendations
            number = next(n for n, change in enumerate(changes) if change.year == year and change.status != "dropped")
            recs = screen.query_one("#compare-recommendations", DataTable)
            recs.focus()
            recs.move_cursor(row=number)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, CompareScreen)
            assert app.report.id == app.reading.document.report.id == expected
            recommendation = app.report.find(changes[number].recommendation_id)
            assert app.reading.document.current_paragraph == recommendation.paragraph_id


async def test_one_year_open_is_said_in_a_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        screen = await _compared(pilot, app)
        note = screen.query_one("#compare-note", Static)
        assert note.display
        assert str(note.render()).startswith("Only one year of Norway is open (2025)")
        assert not screen.query_one("#compare-metrics", DataTable).display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_the_palette_offers_compare_for_countries_open_in_several_years(norway_path: Path) -> None:
    app = make_app([LIBRARY, norway_path], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await _library(pilot, app)
        app.switch_report(2)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"compare fre")
        for _ in range(50):
            await pilot.pause(0.02)
            prompts = [str(option.prompt) for option in app.screen.query_one("CommandList").options]
            if prompts:
                break
        assert any("Compare Freedonia across years" in prompt for prompt in prompts)
        await pilot.press("enter")
        screen = await _compared(pilot, app)
        assert screen.country == "Freedonia"


async def test_a_failed_comparison_is_a_sentence_not_a_crash(monkeypatch) -> None:
    import tipbrowser.ui.screens.compare as compare_screen

    def broken(reports, country):
        raise RuntimeError("metrics went [bold]wrong[/]")

    monkeypatch.setattr(compare_screen, "compare", broken)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        screen = await _compared(pilot, app)
        note = str(screen.query_one("#compare-note", Static).render())
        assert note.startswith("The comparison failed: unexpected error: RuntimeError: metrics went [bold]wrong[/]")
        assert app.is_running and app.return_code is None

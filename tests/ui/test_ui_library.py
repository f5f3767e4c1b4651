"""Many reports in the app: opening folders, the loading bar, skipped files, the picker (Pilot, through `make_app`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, ProgressBar

from tipbrowser.errors import NotFoundError, TipBrowserError, UsageError
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.library_loader import LibraryProgress
from tipbrowser.ui.screens.picker import PickerScreen, picker_matches
from tipbrowser.ui.widgets.header import ReportHeader

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SIZE = (120, 40)


@pytest.fixture
def folder(tmp_path: Path, norway_path: Path) -> Path:
    """Freedonia 2024 and 2025, Norway 2025, and a file that is not a narrative."""
    shelf = tmp_path / "shelf"
    (shelf / "older").mkdir(parents=True)
    shutil.copy(LIBRARY / "freedonia-2024.txt", shelf / "older" / "freedonia-2024.txt")
    shutil.copy(LIBRARY / "freedonia-2025.txt", shelf / "freedonia-2025.txt")
    shutil.copy(norway_path, shelf / "norway-2025.txt")
    (shelf / "photo.txt").write_bytes(bytes(range(256)) * 4)
    return shelf


async def loaded(pilot, app: TipBrowserApp) -> None:
    """Wait until every file is read and search holds the library's index."""
    for _ in range(3000):
        library = app.library
        if library is not None and not library.loading and app.reading.search.index is library.index:
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("the library never finished loading")


async def test_a_folder_shows_its_first_report_at_once_and_loads_the_rest(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    assert [r.id for r in app.reports] == ["freedonia-2025"]  # the first file in sorted order
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.reading.document.report.id == "freedonia-2025"
        await loaded(pilot, app)
        assert sorted(r.id for r in app.reports) == ["freedonia-2024", "freedonia-2025", "norway-2025"]
        assert not app.reading.query(LibraryProgress)
        assert sorted(app.reading.search.index.report_ids()) == sorted(r.id for r in app.reports)
        assert app.report.id == "freedonia-2025"  # loading never moves the reader


async def test_the_progress_bar_counts_files_and_goes_when_done(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    seen: list[tuple[float | None, float | None]] = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3000):
            bars = app.reading.query(ProgressBar)
            if bars:
                seen.append((bars.first().progress, bars.first().total))
            if app.library is not None and not app.library.loading:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert seen and seen[0][1] == 4
        assert not app.reading.query(ProgressBar)


async def test_skipped_files_are_summed_up_and_listed_in_the_picker(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot, app)
        messages = [str(n.message) for n in app._notifications]
        assert "1 file skipped — see the list in the report picker (press o)." in messages
        await pilot.press("o")
        await pilot.pause()
        skipped = app.screen.query_one("#picker-skipped")
        assert skipped.display
        text = str(skipped.render())
        assert "photo.txt" in text and "binary" in text


def test_a_single_unreadable_file_stops_before_the_app(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(TipBrowserError):
        make_app([binary], no_cache=True)
    with pytest.raises(NotFoundError):
        make_app([tmp_path / "gone"], no_cache=True)


def test_nothing_readable_at_all_is_one_sentence(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"\0" * 64)
    with pytest.raises(UsageError, match="none of the 2 files could be opened"):
        make_app([tmp_path], no_cache=True)


async def test_a_bad_first_file_is_skipped_and_the_next_one_shown(tmp_path: Path, norway_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\0" * 64)
    app = make_app([binary, norway_path], no_cache=True)
    assert app.report.id == "norway-2025"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for _ in range(500):
            if app._notifications:
                break
            await pilot.pause(0.02)
        await pilot.pause()  # let the panes finish mounting before the test ends the app
        assert any("1 file skipped" in str(n.message) for n in app._notifications)
        assert app.library is not None and not app.library.loading and not app.reading.query(LibraryProgress)


async def test_reopening_comes_from_the_cache(folder: Path, monkeypatch) -> None:
    import tipbrowser.parser

    first = make_app([folder])
    async with first.run_test(size=SIZE) as pilot:
        await loaded(pilot, first)
        cache = first.library.opening.cache
        assert cache is not None and cache.index_path(first.library.opening.entries).exists()

    def never(*args, **kwargs):
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr(tipbrowser.parser, "parse_text", never)
    again = make_app([folder])
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot, again)
        assert sorted(again.reading.search.index.report_ids()) == ["freedonia-2024", "freedonia-2025", "norway-2025"]


async def test_search_runs_across_every_report_with_filters(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot, app)
        search = app.reading.search
        search.search("country:freedonia trafficking", False)
        for _ in range(3000):
            if search.result is not None and search.result.query == "country:freedonia trafficking":
                break
            await pilot.pause(0.02)
        assert {hit.report_id for hit in search.result.hits} == {"freedonia-2024", "freedonia-2025"}
        search.search("year:2024 investigated", False)
        for _ in range(3000):
            if search.result is not None and search.result.query == "year:2024 investigated":
                break
            await pilot.pause(0.02)
        assert {hit.report_id for hit in search.result.hits} == {"freedonia-2024"}


def test_the_picker_filter_matches_every_word(norway) -> None:
    from tipbrowser.library import load_reports

    reports = [*load_reports([LIBRARY]).reports, norway]
    assert [r.id for r in picker_matches(reports, "")] == ["freedonia-2025", "norway-2025", "freedonia-2024"]
    assert [r.id for r in picker_matches(reports, "free 2024")] == ["freedonia-2024"]
    assert [r.id for r in picker_matches(reports, "watch")] == ["freedonia-2024"]
    assert picker_matches(reports, "sylvania") == []


async def test_the_picker_groups_by_year_filters_as_you_type_and_opens(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        listing = app.screen.query_one(OptionList)
        headings = [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count) if listing.get_option_at_index(n).disabled]
        assert headings == ["2025", "2024"]
        assert listing.get_option_at_index(listing.highlighted).id == "freedonia-2025"
        assert isinstance(app.focused, Input)
        await pilot.press(*"watch")
        await pilot.pause()
        ids = [listing.get_option_at_index(n).id for n in range(listing.option_count)]
        assert [i for i in ids if i] == ["freedonia-2024"]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)
        reading = app.reading
        assert app.report.id == reading.report.id == reading.document.report.id == "freedonia-2024"
        assert "Watch List" in str(reading.query_one(ReportHeader).query_one("#tier-badge").render())
        assert reading.tree.root.data == "freedonia-2024"
        assert reading.insights.report.id == "freedonia-2024"


async def test_the_picker_moves_with_arrows_and_escape_closes(folder: Path) -> None:
    app = make_app([folder], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        await pilot.press("down")
        await pilot.pause()
        assert listing.get_option_at_index(listing.highlighted).id == "norway-2025"
        await pilot.press("down")  # over the 2024 heading
        await pilot.pause()
        assert listing.get_option_at_index(listing.highlighted).id == "freedonia-2024"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen) and app.report.id == "freedonia-2025"


async def test_report_text_in_the_picker_is_data(tmp_path: Path, hostile_path: Path, norway_path: Path) -> None:
    app = make_app([hostile_path, norway_path], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        prompts = [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]
        assert any(prompt.endswith("Report: Freedonia [bold]") for prompt in prompts)  # brackets shown as written
        assert not any("\x1b" in prompt for prompt in prompts)


async def test_reports_arriving_never_move_the_pickers_cursor(folder: Path) -> None:
    from tipbrowser.ui.library_loader import LibraryChanged

    app = make_app([folder], no_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        await pilot.press("down", "down")
        await pilot.pause()
        assert listing.highlighted_option.id == "freedonia-2024"
        app.screen.post_message(LibraryChanged())
        await pilot.pause()
        assert listing.highlighted_option.id == "freedonia-2024"
        await pilot.press("n", "o")  # a new filter puts the best match first
        await pilot.pause()
        assert listing.highlighted_option.id == "norway-2025"


def test_picker_badges_use_the_header_badge_colours() -> None:
    import re

    from tipbrowser.ui.widgets.tier_badge import BADGE_COLOURS, tier_badge

    stylesheet = (Path(__file__).resolve().parents[2] / "tipbrowser" / "ui" / "tipbrowser.tcss").read_text(encoding="utf-8")
    header = dict(re.findall(r"#tier-badge\.([\w-]+) \{ background: \$([\w-]+);", stylesheet))
    assert header == BADGE_COLOURS
    variables = {"warning": "#fea62b", "error": "#ba3c5b"}
    assert "on #FEA62B" in str(tier_badge("Tier 2 Watch List", variables).spans[0].style)
    assert "on #BA3C5B" in str(tier_badge("Tier 3", variables).spans[0].style)

"""What each painted frame shows while the user types a query: the echo and its own count together."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.test_ui_search import WIDE, until
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.widgets import search_bar
from tipbrowser.ui.widgets.search_bar import SearchBar


Frame = tuple[str, str | None, str]


def record_frames(app: TipBrowserApp) -> list[Frame]:
    """From now on, note (query in the bar, query the count is for, count) at every frame painted.

    A frame painted with no search bar on the screen is noted as ("", None, "").
    """
    frames: list[Frame] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:  # else Textual drops the update
            bars = app.screen.query(SearchBar)
            bar = bars.first() if bars else None
            result = app.reading.search.result
            frames.append(("", None, "") if bar is None else (bar.value, None if result is None else result.query, bar.status))
        display(screen, renderable)

    app._display = noting  # type: ignore[method-assign]
    return frames


async def open_bar(pilot: Pilot) -> None:
    await pilot.press("slash")
    await pilot.pause()


async def test_every_frame_shows_the_count_of_the_query_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_bar, "ANSWER_WAIT", 30.0)  # only the count may let a frame through
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_bar(pilot)
        frames = record_frames(app)
        search = app.reading.search
        for char in "shelter":
            await pilot.press(char)
            await until(pilot, lambda: search.result is not None and search.result.query == app.reading.query_one(SearchBar).value, char)
        typed = [frame for frame in frames if frame[0]]
        assert {frame[0] for frame in typed} >= {"s", "shelter"}  # keys were painted as they came
        assert all(query == answered and count for query, answered, count in typed), typed
        assert typed[-1][2].endswith("hits")


async def test_an_echo_waits_for_no_count_longer_than_a_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_bar(pilot)
        monkeypatch.setattr(app.reading.search, "search", lambda query, regex: None)  # a search that never answers
        frames = record_frames(app)
        await pilot.press("x")
        await until(pilot, lambda: any(frame[0] == "x" for frame in frames), "the echo of x")
        assert app.reading.query_one(SearchBar).status == ""


async def test_a_bar_removed_while_it_holds_the_screen_lets_it_paint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_bar, "ANSWER_WAIT", 30.0)  # only the removal may let a frame through
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_bar(pilot)
        bar = app.reading.query_one(SearchBar)
        bar.hold_frame()
        await bar.remove()
        frames = record_frames(app)
        app.reading.refresh()
        await until(pilot, lambda: ("", None, "") in frames, "a frame after the bar went")


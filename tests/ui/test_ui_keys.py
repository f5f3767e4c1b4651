"""Every key in the action table does what it says (Pilot, through `make_app`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Tabs

from tipbrowser.ui.actions import ACTIONS
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.screens.help import HelpScreen

SIZE = (120, 40)
KEY_NAMES = {"]": "right_square_bracket", "[": "left_square_bracket", "}": "right_curly_bracket",
             "{": "left_curly_bracket", "?": "question_mark", ":": "colon", "\\": "backslash",
             "'": "apostrophe", "/": "slash", "&": "ampersand"}

Check = Callable[[Pilot, TipBrowserApp, str], Awaitable[None]]


async def _press(pilot: Pilot, key: str) -> None:
    await pilot.press(KEY_NAMES.get(key, key))
    await pilot.pause()


async def _scrolls(pilot: Pilot, app: TipBrowserApp, key: str, start: int, expected: Callable[[int, int], int]) -> None:
    doc = app.reading.document
    doc.scroll_to(y=start, animate=False, immediate=True)
    await pilot.pause()
    page = doc.scrollable_content_region.height
    await _press(pilot, key)
    assert round(doc.scroll_y) == expected(start, page)


def scroll(start: int, expected: Callable[[int, int], int]) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        await _scrolls(pilot, app, key, start, expected)
    return check


async def top(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _scrolls(pilot, app, key, 50, lambda s, p: 0)
    assert app.reading.document.current_paragraph == "norway-2025/intro/p1"
    assert app.reading.history.can_go_back


async def bottom(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    doc = app.reading.document
    await _press(pilot, key)
    assert round(doc.scroll_y) == doc.max_scroll_y > 0
    assert doc.current_paragraph == "norway-2025/profile/p1"


def paragraph_step(step: int) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        doc = app.reading.document
        doc.go_to("norway-2025/prosecution/p3")
        await pilot.pause()
        await _press(pilot, key)
        assert doc.current_paragraph == f"norway-2025/prosecution/p{3 + step}"
        assert doc.current_sentence == f"norway-2025/prosecution/p{3 + step}/s1"
    return check


def section_step(step: int) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        doc = app.reading.document
        doc.go_to("norway-2025/prosecution")
        await pilot.pause()
        await _press(pilot, key)
        expected = "norway-2025/protection" if step > 0 else "norway-2025/recommendations"
        assert doc.top_id == expected
        assert app.reading.tree.cursor_node.data == expected
    return check


async def back(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    doc = app.reading.document
    doc.go_to("norway-2025/prevention")
    await pilot.pause()
    await _press(pilot, key)
    assert doc.top_id == "norway-2025"


async def forward(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    doc = app.reading.document
    doc.go_to("norway-2025/prevention")
    await pilot.pause()
    await _press(pilot, "backspace")
    await _press(pilot, key)
    assert doc.top_id == "norway-2025/prevention"


def pane(expected: str) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        if expected == "document":
            app.reading.tree.focus()
            await pilot.pause()
        await _press(pilot, key)
        focused = app.focused
        if expected in {"tree", "document"}:
            assert focused is not None and focused.id == expected
        elif expected in PANE_LISTS:
            assert focused is not None and focused.id == PANE_LISTS[expected]
            assert app.reading.side_panel.active_tab == expected
        else:
            assert isinstance(focused, Tabs)
            assert app.reading.side_panel.display and app.reading.side_panel.active_tab == expected
    return check


PANE_LISTS = {"metrics": "metrics-list", "recommendations": "recs-list", "search": "search-hits"}
"""The list a side-panel tab's key focuses."""


async def _linked(pilot: Pilot, app: TipBrowserApp) -> None:
    """Wait until the report's recommendations are linked to their evidence."""
    for _ in range(300):
        if app.reading.insights.walk is not None:
            return
        await pilot.pause(0.02)
    raise AssertionError("the recommendations were never linked")


def recommendation_step(step: int) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        await _linked(pilot, app)
        await _press(pilot, key)
        expected = "r1" if step > 0 else "r8"
        walk = app.reading.insights.walk
        assert walk is not None and walk.link is not None
        assert walk.link.recommendation_id == f"norway-2025/recommendations/{expected}"
        recommendation = app.report.find(walk.link.recommendation_id)
        assert app.reading.document.current_paragraph == recommendation.paragraph_id
        assert app.reading.history.can_go_back
    return check


def evidence_step(step: int) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        await _linked(pilot, app)
        await _press(pilot, key)
        walk = app.reading.insights.walk
        assert walk is not None and walk.link is not None and walk.link.evidence
        expected = walk.link.evidence[0 if step > 0 else -1]
        assert app.reading.document.current_sentence == expected.sentence_id
        assert app.reading.document.highlights("evidence")
        assert app.reading.history.can_go_back
    return check


async def supported(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _linked(pilot, app)
    walk = app.reading.insights.walk
    assert walk is not None
    sentence_id, recs = next(iter(walk.supports.items()))
    app.reading.document.go_to(sentence_id, jump=False)
    await pilot.pause()
    before = round(app.reading.document.scroll_y)
    await _press(pilot, key)
    assert walk.link is not None and walk.link.recommendation_id == recs[0]
    assert app.reading.document.current_paragraph == app.report.find(recs[0]).paragraph_id
    assert round(app.reading.document.scroll_y) != before
    await _press(pilot, "backspace")  # back where the jump started (to the sentence at the top)
    assert abs(round(app.reading.document.scroll_y) - before) < 5
    assert app.reading.history.can_go_forward


async def cycle(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    seen = []
    for _ in range(3):
        await _press(pilot, key)
        seen.append(app.focused.id if app.focused else None)
    assert seen[:2] == ["tree", "document"]


async def toggle_side(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    before = app.reading.side_panel.display
    await _press(pilot, key)
    assert app.reading.side_panel.display is (not before)
    await _press(pilot, key)
    assert app.reading.side_panel.display is before


def tree_cursor(step: int) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        tree = app.reading.tree
        tree.focus()
        tree.cursor_line = 3
        await pilot.pause()
        await _press(pilot, key)
        assert tree.cursor_line == 3 + step
        assert round(app.reading.document.scroll_y) == 0  # the text did not scroll
    return check


async def tree_h(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    tree = app.reading.tree
    tree.focus()
    tree.follow("norway-2025/prosecution")
    await pilot.pause()
    assert tree.cursor_node.is_expanded
    await _press(pilot, key)
    assert not tree.cursor_node.is_expanded
    await _press(pilot, key)
    assert tree.cursor_node is tree.root


async def tree_l(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    tree = app.reading.tree
    tree.focus()
    tree.follow("norway-2025/prosecution")
    tree.cursor_node.collapse()
    await pilot.pause()
    await _press(pilot, key)
    assert tree.cursor_node.is_expanded
    await _press(pilot, key)
    assert tree.cursor_node.data == "norway-2025/prosecution/p1"


async def help_screen(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _press(pilot, key)
    assert isinstance(app.screen, HelpScreen)
    assert len(app.screen.query(".help-row")) == len(ACTIONS)
    await _press(pilot, "escape")
    assert not isinstance(app.screen, HelpScreen)


async def palette(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _press(pilot, key)
    assert isinstance(app.screen, CommandPalette)


async def picks_report(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    from textual.widgets import OptionList

    from tipbrowser.ui.screens.picker import PickerScreen

    await _press(pilot, key)
    assert isinstance(app.screen, PickerScreen)
    listing = app.screen.query_one(OptionList)
    assert listing.get_option_at_index(listing.highlighted).id == "norway-2025"
    await _press(pilot, "enter")
    assert not isinstance(app.screen, PickerScreen) and app.report.id == "norway-2025"


async def compares(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    from textual.widgets import Static

    from tipbrowser.ui.screens.compare import CompareScreen

    await _press(pilot, key)
    assert isinstance(app.screen, CompareScreen) and app.screen.country == "Norway"
    note = app.screen.query_one("#compare-note", Static)
    for _ in range(300):
        if "Only one year" in str(note.render()):
            break
        await pilot.pause(0.02)
    assert str(note.render()).startswith("Only one year of Norway is open (2025)")


async def quits(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _press(pilot, key)
    assert app._exit and app.return_code == 0


@pytest.fixture(autouse=True)
def _private_copy_dirs(tmp_path, monkeypatch) -> None:
    """Copies go to a folder of the test's own, with a config of its own."""
    from tipbrowser.ui.copy import reload_config

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("TIPBROWSER_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    reload_config()


async def _searched(pilot: Pilot, app: TipBrowserApp, query: str = "shelter") -> None:
    """Search for `query` from the top of the report and wait for its matches."""
    search = app.reading.search
    search.clear()
    search.search(query, False)
    for _ in range(300):
        if search.settled and search.result is not None and search.result.query == query:
            return
        await pilot.pause(0.02)
    raise AssertionError("the search never finished")


async def open_search(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    from textual.widgets import Input

    await _press(pilot, key)
    assert isinstance(app.focused, Input) and app.focused.id == "search-input"


def match_step(forward: bool) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        await _searched(pilot, app)
        await _press(pilot, key)
        search = app.reading.search
        expected = search.matches[0 if forward else -1]
        assert search.current_match == expected
        assert app.reading.document.current_sentence == expected.sentence_id
    return check


async def search_filter(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _searched(pilot, app)
    await _press(pilot, key)
    state = app.reading.document.state
    assert state is not None and state.shown is not None
    shown = {state.blocks[n].node_id for n in state.shown}
    assert {match.paragraph_id for match in app.reading.search.matches} <= shown
    await _press(pilot, key)
    assert state.shown is None


async def clear_search(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    await _searched(pilot, app)
    assert app.reading.document.highlights("search")
    await _press(pilot, key)
    assert not app.reading.document.highlights("search") and app.reading.search.query == ""


async def toggle_regex(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
    from tipbrowser.ui.widgets.search_bar import SearchBar

    await _press(pilot, key)
    assert app.reading.query_one(SearchBar).regex
    await _press(pilot, key)
    assert not app.reading.query_one(SearchBar).regex


def copies(cited: bool) -> Check:
    async def check(pilot: Pilot, app: TipBrowserApp, key: str) -> None:
        doc = app.reading.document
        doc.go_to("norway-2025/protection/p2/s2")
        await pilot.pause()
        app._clipboard = ""
        await _press(pilot, key)
        for _ in range(300):
            if app.clipboard:
                break
            await pilot.pause(0.02)
        sentence = app.report.find("norway-2025/protection/p2/s2")
        assert sentence is not None
        if cited:
            assert sentence.text in app.clipboard
            assert "Protection, paragraph 2 (passage norway-2025/protection/p2/s2)" in app.clipboard
        else:
            assert app.clipboard == sentence.text
    return check


CHECKS: dict[str, Check] = {
    "reader.scroll_down": scroll(10, lambda s, p: s + 1),
    "reader.scroll_up": scroll(10, lambda s, p: s - 1),
    "reader.page_down": scroll(10, lambda s, p: s + p - 1),
    "reader.page_up": scroll(100, lambda s, p: 100 - p + 1),
    "reader.half_page_down": scroll(10, lambda s, p: s + p // 2),
    "reader.half_page_up": scroll(100, lambda s, p: 100 - p // 2),
    "reader.top": top,
    "reader.bottom": bottom,
    "reader.next_paragraph": paragraph_step(1),
    "reader.previous_paragraph": paragraph_step(-1),
    "screen.next_section": section_step(1),
    "screen.previous_section": section_step(-1),
    "screen.back": back,
    "screen.forward": forward,
    "screen.pane('tree')": pane("tree"),
    "screen.pane('document')": pane("document"),
    "screen.pane('metrics')": pane("metrics"),
    "screen.pane('recommendations')": pane("recommendations"),
    "screen.cycle_panes": cycle,
    "screen.toggle_side_panel": toggle_side,
    "screen.next_recommendation": recommendation_step(1),
    "screen.previous_recommendation": recommendation_step(-1),
    "screen.next_evidence": evidence_step(1),
    "screen.previous_evidence": evidence_step(-1),
    "screen.supported_recommendation": supported,
    "screen.search": open_search,
    "screen.next_match": match_step(True),
    "screen.previous_match": match_step(False),
    "screen.toggle_search_filter": search_filter,
    "screen.clear_search": clear_search,
    "screen.toggle_regex": toggle_regex,
    "screen.pane('search')": pane("search"),
    "screen.copy_cited": copies(True),
    "screen.copy_plain": copies(False),
    "screen.pick_report": picks_report,
    "screen.compare": compares,
    "tree.cursor_down": tree_cursor(1),
    "tree.cursor_up": tree_cursor(-1),
    "tree.collapse_or_parent": tree_h,
    "tree.expand_or_child": tree_l,
    "app.help": help_screen,
    "app.command_palette": palette,
    "app.quit": quits,
}

def test_every_action_has_a_check() -> None:
    assert {action.id for action in ACTIONS} == set(CHECKS)


async def _reset(pilot: Pilot, app: TipBrowserApp) -> None:
    """Back to a freshly opened report: top of the text, no history, text focused."""
    while len(app.screen_stack) > 1:
        app.pop_screen()
    screen = app.reading
    screen.show_report(app.report)
    screen.side_panel_wanted = None
    screen.document.focus()
    await pilot.pause()


SCOPES = sorted({action.scope for action in ACTIONS})


@pytest.mark.parametrize("scope", SCOPES)
async def test_every_key_does_what_the_table_says(scope: str) -> None:
    """One app per scope; each key starts from a freshly opened report."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for action in ACTIONS:
            if action.scope != scope or action.id == "app.quit":
                continue
            for key in action.keys:
                await _reset(pilot, app)
                try:
                    await CHECKS[action.id](pilot, app, key)
                except AssertionError as error:
                    raise AssertionError(f"{key!r} ({action.id}): {error}") from error


@pytest.mark.parametrize("key", next(a for a in ACTIONS if a.id == "app.quit").keys)
async def test_quit_keys_quit(key: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await quits(pilot, app, key)

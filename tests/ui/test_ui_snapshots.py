"""A handful of layout snapshots (look at them after `--snapshot-update`)."""

from __future__ import annotations

from textual.pilot import Pilot

from tipbrowser.ui.app import make_app


async def _settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # figures and links (the margin's markers) arrive
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_reader_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_settle)


def test_reader_160x48_with_side_panel(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=_settle)


def test_reader_160x48_in_the_protection_section(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("right_curly_bracket")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=run_before)


def test_help_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)

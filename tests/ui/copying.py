"""A helper the copy tests share: press keys and wait for what reached the clipboard."""

from __future__ import annotations

from textual.pilot import Pilot

from tipbrowser.ui.app import TipBrowserApp


async def copied(pilot: Pilot, app: TipBrowserApp, *keys: str) -> str:
    """Press `keys` and wait for the copy's notice; the text that reached `app.clipboard`."""
    before = len(app._notifications)
    app._clipboard = ""
    await pilot.press(*keys)
    for _ in range(300):
        if len(app._notifications) > before and app.clipboard:
            return app.clipboard
        await pilot.pause(0.02)
    raise AssertionError("nothing was copied")

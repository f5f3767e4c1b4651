"""The tipbrowser app (a first reader; the full one replaces it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, Static

from tipbrowser.bundled import bundled_path
from tipbrowser.parser import parse_path
from tipbrowser.reader import DEFAULT_MAX_BYTES

__all__ = ["TipBrowserApp", "make_app"]


class TipBrowserApp(App[None]):
    """Read Trafficking in Persons narratives."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, paths: Sequence[str], max_bytes: int, debug: bool) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths] or [bundled_path()]
        self.max_bytes = max_bytes
        self.crash_message: str | None = None

    def compose(self) -> ComposeResult:
        report = parse_path(self.paths[0], max_bytes=self.max_bytes)
        self.title = report.display_title
        yield Header()
        yield Static(Content(report.text))
        yield Footer()


def make_app(paths: Sequence[str] = (), *, max_bytes: int = DEFAULT_MAX_BYTES, debug: bool = False) -> TipBrowserApp:
    """The app, built the same way for the command line and for tests."""
    return TipBrowserApp(paths, max_bytes, debug)

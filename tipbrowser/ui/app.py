"""The tipbrowser app: holds the open reports and the app-wide actions; screens do the rest."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.command import Provider
from textual.content import Content
from textual.screen import Screen

from tipbrowser.errors import TipBrowserError
from tipbrowser.model import Report
from tipbrowser.reader import DEFAULT_MAX_BYTES
from tipbrowser.text import visible
from tipbrowser.ui.actions import bindings
from tipbrowser.ui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from tipbrowser.ui.library_loader import LibraryLoader

__all__ = ["TipBrowserApp", "make_app"]


def crash_line(error: BaseException) -> str:
    """One line describing an unexpected error, safe to print."""
    detail = " ".join(str(error).split())[:200]
    return visible(f"unexpected error: {type(error).__name__}{': ' + detail if detail else ''} (run with --debug for details)")


def _actions_provider() -> type[Provider]:
    from tipbrowser.ui.commands import ActionCommands

    return ActionCommands


def _go_to_provider() -> type[Provider]:
    from tipbrowser.ui.commands import GoToCommands

    return GoToCommands


def _copy_provider() -> type[Provider]:
    from tipbrowser.ui.copy_commands import CopyCommands

    return CopyCommands


def _reports_provider() -> type[Provider]:
    from tipbrowser.ui.commands import ReportCommands

    return ReportCommands


def _library_provider() -> type[Provider]:
    from tipbrowser.ui.library_commands import LibraryCommands

    return LibraryCommands


class TipBrowserApp(App[None]):
    """Read Trafficking in Persons narratives."""

    CSS_PATH = "tipbrowser.tcss"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {_actions_provider, _go_to_provider, _reports_provider, _copy_provider, _library_provider}
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, reports: Sequence[Report], *, max_bytes: int = DEFAULT_MAX_BYTES, debug: bool = False) -> None:
        super().__init__()
        if not reports:
            raise ValueError("the app needs at least one report")
        self.reports = list(reports)
        """Every open report."""
        self.current = 0
        """The index in `reports` of the one on view."""
        self.max_bytes = max_bytes
        self.debug_mode = debug
        self.crash_message: str | None = None
        """One line for stderr when the app crashed."""
        self.library: LibraryLoader | None = None
        """Loads the rest of a library after the first frame (None for a single report)."""
        self._collector_paused = False

    @property
    def report(self) -> Report:
        """The report on view."""
        return self.reports[self.current]

    @property
    def reading(self) -> ReadingScreen:
        """The reading screen (the bottom of the screen stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReadingScreen)
        return screen

    def run(self, **options: Any) -> None:
        """Run the app in the terminal (`options` as for `App.run`).

        What start-up made (Textual's modules, the report) lives as long as the app, so it
        is first taken out of the cyclic collector's sight: a full collection would walk it
        all (about 20 ms), once before the first frame and again now and then while reading.
        The collector then rests until the first frame is drawn (the screen's objects are
        hardly ever garbage).
        """
        gc.freeze()
        self._collector_paused = gc.isenabled()
        gc.disable()
        try:
            return super().run(**options)
        finally:
            self._resume_collector()

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def get_default_screen(self) -> Screen:
        """Open on the reading screen."""
        return ReadingScreen(self.report)

    def on_mount(self) -> None:
        """Title the terminal; after the first frame, resume the collector and load the rest of a library."""
        self.title = visible(self.report.display_title)
        self.call_after_refresh(self._resume_collector)
        if self.library is not None:
            self.call_after_refresh(self.library.start)

    def go_to(self, node_id: str) -> None:
        """Jump to a node of the report on view."""
        self.reading.go_to(node_id)

    def switch_report(self, number: int) -> None:
        """Show the open report with index `number`."""
        self.current = number
        self.title = visible(self.report.display_title)
        self.reading.show_report(self.report)

    def open_path(self, path: str) -> bool:
        """Open the narrative at `path` and show it; a bad path gives one sentence."""
        try:
            from tipbrowser.parser import parse_path

            report = parse_path(Path(path).expanduser(), max_bytes=self.max_bytes)
        except TipBrowserError as error:
            self.notify(Content(visible(str(error))), title="Cannot open that file", severity="error")  # type: ignore[arg-type]
            return False
        self.reports.append(report)
        self.switch_report(len(self.reports) - 1)
        return True

    def action_open_file(self) -> None:
        """Ask for a path and open it."""
        from tipbrowser.ui.screens.open_file import OpenFileScreen

        def opened(path: str | None) -> None:
            if path:
                self.open_path(path)

        self.push_screen(OpenFileScreen(), opened)

    def action_help(self) -> None:
        """Show every key."""
        from tipbrowser.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _handle_exception(self, error: Exception) -> None:
        """Remember one line for stderr; keep Textual's traceback only with --debug."""
        self.crash_message = crash_line(error)
        super()._handle_exception(error)
        if not self.debug_mode:
            self._exit_renderables.clear()


def make_app(
    paths: Sequence[str | Path] = (),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    debug: bool = False,
    no_cache: bool = False,
) -> TipBrowserApp:
    """The app on `paths` (or the bundled report), built the same way for the CLI and tests.

    The first readable report is parsed before the terminal is touched, so a single bad
    file or a missing path raises `TipBrowserError` first; the rest of several files or
    folders load after the first frame, through the cache unless `no_cache`.
    """
    from tipbrowser.ui.library_opening import open_paths

    opening = open_paths(paths, max_bytes=max_bytes, use_cache=not no_cache)
    app = TipBrowserApp([opening.first], max_bytes=max_bytes, debug=debug)
    if not opening.finished or opening.skipped:
        from tipbrowser.ui.library_loader import LibraryLoader

        app.library = LibraryLoader(app, opening)
    return app

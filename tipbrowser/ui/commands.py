"""Command-palette providers: every action, go to a section or recommendation, open reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tipbrowser.text import visible
from tipbrowser.ui.actions import ACTIONS, key_display

if TYPE_CHECKING:
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["ActionCommands", "GoToCommands", "ReportCommands", "literal_hit", "TableProvider"]


def literal_hit(matcher: Matcher, text: str) -> Content:
    """`text` as plain content (never markup) with the fuzzy-matched letters styled."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class TableProvider(Provider):
    """A provider over a fixed list of (prompt, help, callback)."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """(prompt, help, callback) for each command this provider offers."""
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        """Commands whose prompt matches `query`."""
        matcher = self.matcher(query)
        for prompt, help_text, callback in self.commands():
            score = matcher.match(prompt)
            if score > 0:
                yield Hit(score, literal_hit(matcher, prompt), callback, text=prompt, help=Content(help_text))  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        """Every command, for an empty query."""
        for prompt, help_text, callback in self.commands():
            yield DiscoveryHit(Content(prompt), callback, text=prompt, help=Content(help_text))  # type: ignore[arg-type]


class ActionCommands(TableProvider):
    """Every action in the action table that has palette text."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: TipBrowserApp = self.app  # type: ignore[assignment]
        targets = {"app": app, "screen": app.reading, "reader": app.reading.document, "tree": app.reading.tree}
        for action in ACTIONS:
            if action.palette is None:
                continue
            target = targets[action.scope]
            keys = " ".join(key_display(key) for key in action.keys)
            yield action.palette, f"{action.help} ({keys})", partial(target.run_action, action.action)


class GoToCommands(TableProvider):
    """Go to any section or recommendation by name."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: TipBrowserApp = self.app  # type: ignore[assignment]
        report = app.report
        for section in report.sections:
            yield f"Go to {visible(section.title)}", "Section", partial(app.go_to, section.id)
        for rec in report.recommendations:
            number = rec.id.rsplit("/", 1)[1]
            yield f"Go to {number}: {visible(rec.text)}", "Recommendation", partial(app.go_to, rec.id)


class ReportCommands(TableProvider):
    """Switch between the open reports, or open another file."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: TipBrowserApp = self.app  # type: ignore[assignment]
        yield "Open file…", "Open another narrative saved as text", app.action_open_file
        if len(app.reports) > 1:
            for number, report in enumerate(app.reports):
                yield f"Switch to {visible(report.display_title)}", visible(report.source or report.id), partial(app.switch_report, number)

"""The help screen: every key, straight from the action table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tipbrowser.query import QUERY_HELP, TYPING_HELP
from tipbrowser.ui.actions import ACTIONS, Action, key_display

__all__ = ["HelpScreen", "help_rows"]

_SCOPE_TITLES = {
    "reader": "Reading",
    "screen": "Moving around",
    "tree": "Section tree",
    "app": "Anywhere",
}


def help_rows() -> list[tuple[str, str, str]]:
    """(group, keys, help) for every action, in the table's order grouped by scope."""
    rows: list[tuple[str, str, str]] = []
    for scope, title in _SCOPE_TITLES.items():
        for action in (a for a in ACTIONS if a.scope == scope):
            rows.append((title, _keys(action), action.help))
    return rows


def _keys(action: Action) -> str:
    return " ".join(key_display(key) for key in action.keys)


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q, ? or F1 closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content.from_markup("[b]tipbrowser keys[/b]"), id="help-title")
            group = None
            for title, keys, text in help_rows():
                if title != group:
                    group = title
                    yield Static(Content.styled(title, "bold $accent"), classes="help-group")
                yield Static(Content.assemble((_column(keys), "bold"), text), classes="help-row")
            yield Static(Content.styled("Search queries (press /)", "bold $accent"), classes="help-group")
            for syntax, meaning in QUERY_HELP:
                yield Static(Content.assemble((_column(syntax), "bold"), meaning), classes="help-query")
            yield Static(Content(TYPING_HELP), classes="help-query")
            yield Static(Content("Press escape to close."), classes="help-hint")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        """Close the help screen."""
        self.dismiss(result)


def _column(text: str) -> str:
    """`text` padded to the first column's width, and always followed by a gap."""
    return f"{text:<21} " if len(text) < 22 else f"{text}  "

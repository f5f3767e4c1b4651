"""Every user action, declared once: its keys, footer label, help text and palette entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, NamedTuple

from textual.binding import Binding

__all__ = ["Action", "ACTIONS", "Scope", "bindings", "key_display", "actions_for"]

Scope = Literal["app", "screen", "reader", "tree"]
"""Where an action is bound: the app, the reading screen, the document view, the tree."""


class Action(NamedTuple):
    """One user action.

    `keys` are written as a user types them (``]``, ``G``, ``space``, ``alt+right``); the
    first is the one the footer shows. `action` names the `action_*` method of the
    scope's widget. `palette` is None for actions that make no sense from the palette
    (moving a tree cursor, say); everything else can be run from there.
    """

    action: str
    keys: tuple[str, ...]
    scope: Scope
    label: str
    help: str
    palette: str | None = None
    footer: bool = False

    @property
    def id(self) -> str:
        """A unique id: scope and action."""
        return f"{self.scope}.{self.action}"


def _a(
    action: str,
    keys: str,
    scope: Scope,
    label: str,
    help: str,
    palette: str | None = None,
    footer: bool = False,
) -> Action:
    return Action(action, tuple(keys.split()), scope, label, help, palette, footer)


ACTIONS: tuple[Action, ...] = (
    _a("scroll_down", "j down", "reader", "Down", "Scroll down one line"),
    _a("scroll_up", "k up", "reader", "Up", "Scroll up one line"),
    _a("page_down", "space pagedown", "reader", "Page", "Scroll down one page"),
    _a("page_up", "b pageup", "reader", "Page up", "Scroll up one page"),
    _a("half_page_down", "d", "reader", "Half page", "Scroll down half a page"),
    _a("half_page_up", "u", "reader", "Half page up", "Scroll up half a page"),
    _a("top", "g home", "reader", "Top", "Go to the top of the report", "Go to the top"),
    _a("bottom", "G end", "reader", "Bottom", "Go to the end of the report", "Go to the end"),
    _a("next_paragraph", "}", "reader", "Paragraph", "Make the next paragraph current", "Next paragraph", True),
    _a("previous_paragraph", "{", "reader", "Paragraph", "Make the previous paragraph current", "Previous paragraph"),
    _a("next_section", "]", "screen", "Section", "Go to the next section", "Next section", True),
    _a("previous_section", "[", "screen", "Section", "Go to the previous section", "Previous section"),
    _a("back", "backspace", "screen", "Back", "Go back to where you were before a jump", "Go back", True),
    _a("forward", "alt+right", "screen", "Forward", "Go forward again after going back", "Go forward"),
    _a("pane('tree')", "1", "screen", "Tree", "Focus the section tree", "Focus the section tree"),
    _a("pane('document')", "2", "screen", "Text", "Focus the text", "Focus the text"),
    _a("pane('metrics')", "3", "screen", "Metrics", "Show the Metrics tab", "Show the metrics"),
    _a("pane('recommendations')", "4", "screen", "Recs", "Show the Recommendations tab", "Show the recommendations"),
    _a("cycle_panes", "tab", "screen", "Next pane", "Move to the next pane", "Move to the next pane"),
    _a("toggle_side_panel", "\\", "screen", "Panel", "Show or hide the side panel", "Show or hide the side panel", True),
    _a("next_recommendation", "r", "screen", "Rec", "Go to the next recommendation", "Next recommendation"),
    _a("previous_recommendation", "R", "screen", "Rec back", "Go to the previous recommendation", "Previous recommendation"),
    _a("next_evidence", "e", "screen", "Evidence", "Read the next passage behind the recommendation", "Next evidence"),
    _a("previous_evidence", "E", "screen", "Evidence back", "Read the previous passage behind the recommendation", "Previous evidence"),
    _a("supported_recommendation", "'", "screen", "Its rec", "Go to the recommendation this sentence supports", "Go to the recommendation this sentence supports"),
    _a("search", "/", "screen", "Search", "Search the open reports as you type (query language below)", "Search", True),
    _a("next_match", "n", "screen", "Next match", "Go to the next match of the search", "Next match"),
    _a("previous_match", "N", "screen", "Prev match", "Go to the previous match of the search", "Previous match"),
    _a("toggle_search_filter", "&", "screen", "Filter", "Show only the paragraphs that match, or everything again", "Show only matching paragraphs"),
    _a("clear_search", "escape", "screen", "Clear", "Clear the search: the bar, its highlights and the filter", "Clear the search"),
    _a("toggle_regex", "ctrl+r", "screen", "Regex", "Switch the search between words and a regular expression", "Switch regex search"),
    _a("pane('search')", "5", "screen", "Results", "Show the Search results tab", "Show the search results"),
    _a("copy_cited", "y", "screen", "Copy", "Copy the sentence, or the selected item, with its citation", "Copy with citation", True),
    _a("copy_plain", "Y", "screen", "Copy text", "Copy the same text without a citation", "Copy text only"),
    _a("pick_report", "o", "screen", "Reports", "Pick one of the open reports (by year and country; lists files skipped)", "Pick a report"),
    _a("compare", "c", "screen", "Compare", "Compare this report's country across the years open", "Compare this country across years"),
    _a("cursor_down", "j", "tree", "Down", "Move the tree cursor down"),
    _a("cursor_up", "k", "tree", "Up", "Move the tree cursor up"),
    _a("collapse_or_parent", "h", "tree", "Collapse", "Collapse a section, or go to its parent", footer=True),
    _a("expand_or_child", "l", "tree", "Expand", "Expand a section, or go to its first child", footer=True),
    _a("help", "? f1", "app", "Help", "Show every key", "Show help", True),
    _a("command_palette", "ctrl+p :", "app", "Palette", "Open the command palette"),
    _a("quit", "q ctrl+q", "app", "Quit", "Quit tipbrowser", "Quit", True),
)
"""The action table. Adding a feature's key is one row here plus its `action_*` method."""

_KEY_NAMES = {
    "]": "right_square_bracket",
    "[": "left_square_bracket",
    "}": "right_curly_bracket",
    "{": "left_curly_bracket",
    "?": "question_mark",
    ":": "colon",
    "\\": "backslash",
    "/": "slash",
    "&": "ampersand",
    "'": "apostrophe",
}

_KEY_DISPLAY = {
    "space": "space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "down": "↓",
    "up": "↑",
    "backspace": "⌫",
    "alt+right": "alt+→",
    "f1": "F1",
    "ctrl+p": "^p",
    "ctrl+q": "^q",
    "escape": "esc",
    "ctrl+r": "^r",
}


def key_display(key: str) -> str:
    """A key as the footer and help screen show it."""
    return _KEY_DISPLAY.get(key, key)


def actions_for(scope: Scope) -> Iterator[Action]:
    """The actions bound in `scope`, in table order."""
    return (action for action in ACTIONS if action.scope == scope)


def bindings(scope: Scope) -> list[Binding]:
    """Textual bindings for every key of every action in `scope`."""
    result: list[Binding] = []
    for action in actions_for(scope):
        for position, key in enumerate(action.keys):
            result.append(
                Binding(
                    _KEY_NAMES.get(key, key),
                    action.action,
                    action.label,
                    show=action.footer and position == 0,
                    key_display=key_display(key),
                    id=f"{action.id}.{position}",
                    priority=action.scope == "app" and key not in {"q", "?", ":"},
                )
            )
    return result

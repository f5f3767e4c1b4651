"""The search bar: a query input with earlier queries on up/down, a regex switch and a count."""

from __future__ import annotations

from contextlib import ExitStack

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from tipbrowser.ui.widgets.render_pass import FixedBox

__all__ = ["SearchBar", "QueryHistory", "ANSWER_WAIT"]

ANSWER_WAIT = 0.03
"""How long the echo of a key may wait for the count of what it typed, so both show in one frame."""


class QueryHistory:
    """Earlier queries, newest last, browsed like a shell's history."""

    def __init__(self, limit: int = 100) -> None:
        self.entries: list[str] = []
        """The queries kept, oldest first."""
        self.limit = limit
        self._position: int | None = None
        self._draft = ""

    def remember(self, query: str) -> None:
        """Keep `query` (moved to the end if it is already there) and stop browsing."""
        query = query.strip()
        self._position = None
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[: -self.limit]

    def older(self, current: str) -> str | None:
        """The query before the one shown (`current` is kept as the draft), or None."""
        if not self.entries:
            return None
        if self._position is None:
            self._draft = current
            self._position = len(self.entries)
        if self._position == 0:
            return None
        self._position -= 1
        return self.entries[self._position]

    def newer(self) -> str | None:
        """The query after the one shown, the draft after the newest, or None when not browsing."""
        if self._position is None:
            return None
        self._position += 1
        if self._position >= len(self.entries):
            self._position = None
            return self._draft
        return self.entries[self._position]


class QueryInput(FixedBox, Input):
    """An `Input` whose text, as it grows, never re-lays out the screen.

    `Input` sets its virtual size on every key; the bar is one row of fixed size, so a
    repaint of the input is all a key needs. Horizontal scrolling still follows the cursor.
    """

    def on_input_changed(self, event: Input.Changed) -> None:
        """Hold the echo back for the count (this runs before the input asks for a repaint)."""
        if isinstance(self.parent, SearchBar):
            self.parent.hold_frame()


class SearchBar(Horizontal):
    """A one-line query input: typing posts `Changed`, enter `Submitted`; up/down recall.

    The regex switch (`toggle_regex`) is bound on the screen, so the action table lists it.
    """

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        background: $panel;
    }
    #search-prompt {
        width: 2;
        padding: 0 0 0 1;
        color: $accent;
        text-style: bold;
    }
    #search-input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
        background: $panel;
    }
    #search-input:focus {
        border: none;
        background: $surface;
    }
    /* Fixed widths: a count that changes as the user types must not re-lay the screen out. */
    #search-status {
        width: 44;
        padding: 0 1;
        color: $text-muted;
        text-align: right;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    #search-mode {
        width: 10;
        padding: 0 1;
        color: $text-muted;
    }
    #search-mode.-regex {
        color: $warning;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("up", "older", "Earlier query", show=False),
        Binding("down", "newer", "Later query", show=False),
    ]

    regex: reactive[bool] = reactive(False)
    """Whether the query is a regular expression rather than words."""

    status: reactive[str] = reactive("")
    """What the last search found ("42 hits"), shown at the right."""

    class Changed(Message):
        """The query or the regex switch changed. Handler: `on_search_bar_changed`."""

        def __init__(self, query: str, regex: bool) -> None:
            super().__init__()
            self.query = query
            """The query as typed."""
            self.regex = regex
            """Whether it is a regular expression."""

    class Submitted(Message):
        """The user pressed enter in the bar. Handler: `on_search_bar_submitted`."""

        def __init__(self, query: str, regex: bool) -> None:
            super().__init__()
            self.query = query
            """The query as typed."""
            self.regex = regex
            """Whether it is a regular expression."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = QueryHistory()
        """Earlier queries."""
        self._hold: ExitStack | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield QueryInput(placeholder="words, \"a phrase\", prefix*, -not, a OR b, section:…", id="search-input")
        yield Static(id="search-status")
        yield Static(Content(_mode_label(self.regex)), id="search-mode")

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one(Input)

    @property
    def value(self) -> str:
        """The query as typed."""
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor in it, with its query selected for overtyping."""
        self.display = True
        self.input.focus()
        self.input.select_all()

    def clear(self) -> None:
        """Empty the bar and hide it."""
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.status = ""
        self.display = False

    def focus_input(self) -> None:
        """Focus the input."""
        self.input.focus()

    def set_query(self, query: str) -> None:
        """Show `query` in the input (it posts `Changed` as typing would)."""
        self.input.value = query
        self.input.cursor_position = len(query)

    # ----------------------------------------------------------------- events

    def on_input_changed(self, event: Input.Changed) -> None:
        """Tell the screen the query changed."""
        event.stop()
        self.post_message(self.Changed(event.value, self.regex))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Remember the query and tell the screen."""
        event.stop()
        self.history.remember(event.value)
        self.post_message(self.Submitted(event.value, self.regex))

    def watch_regex(self) -> None:
        """Say which mode the bar is in."""
        if self.is_mounted:
            mode = self.query_one("#search-mode", Static)
            mode.update(Content(_mode_label(self.regex)), layout=False)
            mode.set_class(self.regex, "-regex")

    def show_status(self, status: str) -> None:
        """Say what the search for the query typed found, and let the screen show both."""
        self.status = status
        self.release_frame()

    def hold_frame(self) -> None:
        """Keep the screen from painting until `show_status`, for at most `ANSWER_WAIT` seconds.

        A key's echo and the count of what it typed then reach the screen in one frame: the
        count need not wait for the next frame after the echo's, and the echo never shows
        beside the count of the query before it.
        """
        if self._hold is None:
            self._hold = ExitStack()
            self._hold.enter_context(self.app.batch_update())
            timer = self.app.set_timer(ANSWER_WAIT, self.release_frame, name="search-echo")  # outlives the bar
            self._hold.callback(timer.stop)

    def release_frame(self) -> None:
        """Let the screen paint again (nothing if it is not held)."""
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.close()
            self.app.screen.check_idle()  # paint what changed while held, without waiting a frame

    def on_unmount(self) -> None:
        """Never leave the screen held."""
        self.release_frame()

    def watch_status(self, status: str) -> None:
        """Show what the last search found."""
        if self.is_mounted:
            self.query_one("#search-status", Static).update(Content(status), layout=False)  # fixed size

    # ----------------------------------------------------------------- actions

    def action_older(self) -> None:
        """Show the query before this one."""
        query = self.history.older(self.value)
        if query is not None:
            self.set_query(query)

    def action_newer(self) -> None:
        """Show the query after this one (or what was being typed)."""
        query = self.history.newer()
        if query is not None:
            self.set_query(query)

    def action_toggle_regex(self) -> None:
        """Switch between words and a regular expression, and search again."""
        self.regex = not self.regex
        self.post_message(self.Changed(self.value, self.regex))


def _mode_label(regex: bool) -> str:
    return "regex ^r" if regex else "words ^r"

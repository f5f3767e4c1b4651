"""A small dialog asking for the path of a narrative to open."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

__all__ = ["OpenFileScreen"]


class OpenFileScreen(ModalScreen[str | None]):
    """Returns the path typed (stripped), or None when cancelled."""

    CSS_PATH = "open_file.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static(Content("Open a narrative saved as text (enter to open, escape to cancel):"))
            yield Input(placeholder="path/to/narrative.txt", id="open-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the path typed."""
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)

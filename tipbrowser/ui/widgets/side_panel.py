"""The side panel: tabs for Metrics, Recommendations and Search results."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TabbedContent, TabPane

__all__ = ["SidePanel", "TABS"]

TABS: dict[str, tuple[str, str]] = {
    "metrics": (
        "Metrics",
        "Every figure the report states (victims identified, cases investigated, "
        "convictions, funding) with the prior years it quotes will be listed here.",
    ),
    "recommendations": (
        "Recommendations",
        "Each prioritized recommendation will be listed here with the passages "
        "of the report that support it.",
    ),
    "search": (
        "Search results",
        "The passages that match a search will be listed here, best first.",
    ),
}
"""Tab id → (title, what the tab will hold)."""


class SidePanel(Vertical):
    """Tabs that later panes fill; until then each says what it will hold."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs"):
            for tab_id, (title, purpose) in TABS.items():
                with TabPane(title, id=tab_id):
                    with VerticalScroll(id=f"{tab_id}-body"):
                        yield Static(Content(purpose), classes="placeholder")

    def show_tab(self, tab_id: str) -> None:
        """Bring tab `tab_id` to the front."""
        self.query_one(TabbedContent).active = tab_id

    @property
    def active_tab(self) -> str:
        """The id of the tab in front."""
        return self.query_one(TabbedContent).active

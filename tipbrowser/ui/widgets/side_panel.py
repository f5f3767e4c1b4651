"""The side panel: tabs for Metrics, Recommendations and Search results."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget

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
    """Tabs that later panes fill; until then each says what it will hold.

    The tabs are built just after the first frame, so they never delay the text.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._wanted_tab = "metrics"

    def on_mount(self) -> None:
        """Build the tabs once the first frame is on screen."""
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        from textual.containers import VerticalScroll
        from textual.widgets import Static, TabbedContent, TabPane

        if not self.is_mounted or not self.is_attached:
            return  # the app closed before its first frame

        from tipbrowser.ui.widgets.metrics_panel import MetricsPanel
        from tipbrowser.ui.widgets.recommendations_panel import RecommendationsPanel

        from tipbrowser.ui.widgets.search_results import SearchResults

        panels: dict[str, type[Widget]] = {"metrics": MetricsPanel, "recommendations": RecommendationsPanel, "search": SearchResults}
        tabs = TabbedContent(id="side-tabs", initial=self._wanted_tab)
        for tab_id, (title, purpose) in TABS.items():
            if tab_id in panels:
                body: Widget = panels[tab_id](id=f"{tab_id}-body")
            else:
                body = VerticalScroll(Static(Content(purpose), classes="placeholder"), id=f"{tab_id}-body")
            tabs.compose_add_child(TabPane(title, body, id=tab_id))
        await self.mount(tabs)

    @property
    def built(self) -> bool:
        """Whether the tabs exist yet."""
        return bool(self.query("#side-tabs"))

    def show_tab(self, tab_id: str) -> None:
        """Bring tab `tab_id` to the front."""
        self._wanted_tab = tab_id
        if self.built:
            self.query_one("#side-tabs").active = tab_id  # type: ignore[attr-defined]

    @property
    def active_tab(self) -> str:
        """The id of the tab in front."""
        return self.query_one("#side-tabs").active if self.built else self._wanted_tab  # type: ignore[attr-defined]

    def focus_tab(self, tab_id: str) -> None:
        """Focus the first focusable widget in tab `tab_id`, else the tab strip (once built)."""
        for pane in self.query(f"#{tab_id}"):
            for widget in pane.query("*"):
                if widget.focusable:
                    widget.focus()
                    return
        self.focus_tabs()

    def focus_tabs(self) -> None:
        """Focus the tab strip (once built)."""
        for tabs in self.query("Tabs"):
            tabs.focus()

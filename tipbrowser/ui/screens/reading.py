"""The reading screen: header, section tree, document, side panel; it routes, never computes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from tipbrowser.model import Report
from tipbrowser.ui.actions import bindings
from tipbrowser.ui.history import JumpHistory
from tipbrowser.ui.insights import InsightsRoutes
from tipbrowser.ui.screens.library_routes import LibraryRoutes
from tipbrowser.ui.screens.search_copy_routes import SearchCopyRoutes
from tipbrowser.ui.widgets.document import DocumentView
from tipbrowser.ui.widgets.header import ReportHeader
from tipbrowser.ui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tipbrowser.ui.widgets.section_tree import SectionTree

__all__ = ["ReadingScreen", "SIDE_PANEL_MIN_WIDTH", "NARROW_WIDTH"]

SIDE_PANEL_MIN_WIDTH = 140
"""Below this many columns the side panel hides itself unless asked for."""

NARROW_WIDTH = 100
"""Below this many columns the tree narrows, and the side panel takes its place when shown."""


class Panes(Horizontal):
    """The row under the header: tree, text and side panel side by side."""

    BLANK = True
    """Its panes cover it, so it paints its background without styling each row."""


class TreeSlot(Widget):
    """The tree's place in the first frame, blank: the tree is built just after it."""

    def render(self) -> str:
        return ""


class ReadingScreen(LibraryRoutes, InsightsRoutes, SearchCopyRoutes, Screen[None]):
    """Shows one report and keeps its panes in step (metrics and recommendations route through `InsightsRoutes`)."""

    BINDINGS = bindings("screen")
    BLANK = True
    """The header and the panes cover the screen: its background is painted without styling each row."""
    AUTO_FOCUS = ""
    """None: the reader starts (and resumes) in the text; focusing the tree first restyled it twice."""

    side_panel_wanted: var[bool | None] = var(None, init=False)
    """True or False once the user toggles the side panel; None follows the width."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        """The report on view."""
        self.history = JumpHistory()
        """Where `back` and `forward` go."""
        self._section_in_view: str | None = None

    def compose(self) -> ComposeResult:
        yield ReportHeader(self.report, id="header")
        with Panes(id="panes"):
            yield TreeSlot(id="tree-slot", classes="tree-pane")
            yield DocumentView(id="document")
            yield SidePanel(id="side")

    def on_mount(self) -> None:
        """Show the report and put the reader in the text; tree and footer follow the first frame.

        The panes are chosen for the terminal's width now, so the first frame already has
        the panes it keeps (not a side panel that the first resize then hides).
        """
        self._update_side_panel()
        self.show_report(self.report, tree_later=True)
        self.document.focus()
        self.call_after_refresh(self._add_footer)

    def on_screen_resume(self) -> None:
        """Back on this screen with nothing focused: read on in the text."""
        if self.focused is None:
            self.document.focus()

    async def _add_footer(self) -> None:
        from textual.widgets import Footer  # not needed (nor imported) before the first frame

        if self.is_attached and not self.query(Footer):
            await self.mount(Footer())

    @property
    def document(self) -> DocumentView:
        """The document view."""
        return self.query_one(DocumentView)

    @property
    def tree(self) -> SectionTree:
        """The section tree (built in place of its slot when first asked for)."""
        from tipbrowser.ui.widgets.section_tree import SectionTree

        found = self.query(SectionTree)
        if found:
            return found.first()
        slot = self.query_one("#tree-slot")
        tree = SectionTree(id="tree", classes="tree-pane")
        tree.display, slot.display = slot.display, False
        self.query_one(Panes).mount(tree, before=slot)
        slot.remove()
        return tree

    @property
    def side_panel(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    def show_report(self, report: Report, *, tree_later: bool = False) -> None:
        """Switch every pane to `report` (the tree after the next frame if `tree_later`)."""
        self.report = report
        self.history = JumpHistory()
        self.app.sub_title = ""
        self.query_one(ReportHeader).show_report(report)
        if tree_later:
            self.call_after_refresh(self._fill_tree, report)
        else:
            self.tree.show_report(report)
            if self._section_in_view is not None:
                self.tree.follow(self._section_in_view)
        self.document.show_report(report)
        self.insights.show_report(report)

    def _fill_tree(self, report: Report) -> None:
        if report is self.report and self.is_attached:
            self.tree.show_report(report)
            if self._section_in_view is not None:
                self.tree.follow(self._section_in_view)

    def go_to(self, node_id: str) -> bool:
        """Jump to node `node_id` (recorded in the history)."""
        return self.document.go_to(node_id)

    # ----------------------------------------------------------------- messages

    def on_section_tree_picked(self, message: SectionTree.Picked) -> None:
        """Read from the node the user picked in the tree."""
        self.go_to(message.node_id)

    def on_document_view_section_in_view(self, message: DocumentView.SectionInView) -> None:
        """Keep the tree's cursor on the section being read."""
        self._section_in_view = message.section_id
        if self.query("#tree"):  # else the tree follows once it is filled
            self.tree.follow(message.section_id)

    def on_document_view_jumped(self, message: DocumentView.Jumped) -> None:
        """Remember where a jump started."""
        self.history.jumped(message.origin)

    def on_resize(self, event: events.Resize) -> None:
        """Collapse or restore the side panel as the terminal narrows or widens."""
        self._update_side_panel()

    def watch_side_panel_wanted(self) -> None:
        """Show or hide the side panel as asked."""
        self._update_side_panel()

    def _update_side_panel(self) -> None:
        """Show the side panel when asked or wide enough; on a narrow screen it replaces the tree."""
        wanted = self.side_panel_wanted
        width = self.size.width or self.app.size.width  # the screen has no size before its first layout
        narrow = width < NARROW_WIDTH
        show = width >= SIDE_PANEL_MIN_WIDTH if wanted is None else wanted
        self.side_panel.display = show
        self.query(".tree-pane").set(display=not (show and narrow))
        self.set_class(narrow, "-narrow")
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self):
            self.document.focus()

    # ----------------------------------------------------------------- actions

    def action_next_section(self) -> None:
        """Go to the next section."""
        self._step_section(1)

    def action_previous_section(self) -> None:
        """Go to the previous section (or the top of this one)."""
        self._step_section(-1)

    def _step_section(self, step: int) -> None:
        target = self.document.step_section(step)
        if target is not None:
            self.go_to(target)

    def action_back(self) -> None:
        """Go back to where the last jump started."""
        target = self.history.back(self.document.top_id or self.report.id)
        if target is not None:
            self.document.go_to(target, jump=False)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        target = self.history.forward(self.document.top_id or self.report.id)
        if target is not None:
            self.document.go_to(target, jump=False)

    def action_pane(self, name: str) -> None:
        """Focus a pane: the tree, the text, or a side-panel tab."""
        if name == "tree":
            if not self.tree.display:
                self.side_panel_wanted = False
            self.tree.focus()
        elif name == "document":
            self.document.focus()
        else:
            if not self.side_panel.display:
                self.side_panel_wanted = True
            self.side_panel.show_tab(name)
            self.call_after_refresh(self.side_panel.focus_tab, name)

    def action_cycle_panes(self) -> None:
        """Move focus to the next pane: tree, text, side panel."""
        order = [pane for pane in (self.tree, self.document) if pane.display]
        if self.side_panel.display:
            order.extend(self.side_panel.query("Tabs"))  # type: ignore[arg-type]
        focused = self.focused
        here = next((i for i, pane in enumerate(order) if focused is not None and (focused is pane or pane in focused.ancestors)), -1)
        order[(here + 1) % len(order)].focus()

    def action_toggle_side_panel(self) -> None:
        """Show or hide the side panel."""
        self.side_panel_wanted = not self.side_panel.display

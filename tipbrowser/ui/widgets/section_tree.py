"""The section tree: report → sections → paragraphs and recommendations, by their first words."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tipbrowser.model import Report, Section
from tipbrowser.text import visible
from tipbrowser.ui.actions import bindings
from tipbrowser.ui.widgets.render_pass import OneStylePerRepaint

__all__ = ["SectionTree", "first_words"]

EXPAND_ALL_BELOW = 400
"""Reports with fewer paragraphs than this open with every section expanded."""


def first_words(text: str, count: int = 7, limit: int = 48) -> str:
    """The first `count` words of `text` (read from its start only), cut at `limit` chars."""
    words = " ".join(text[:400].split()[:count])
    if len(words) > limit:
        words = words[: limit - 1].rstrip()
    return words + " …" if len(words) < len(text.strip()) else words


def _label(text: str, prefix: str = "", style: str = "") -> Text:
    """A tree label that is plain text, never markup, with controls made visible."""
    label = Text(prefix, style="dim") if prefix else Text()
    label.append(Text(visible(text), style=style))
    return label


class SectionTree(OneStylePerRepaint, Tree[str]):
    """The report's outline; each node's data is the node id it stands for."""

    BINDINGS = bindings("tree")

    class Picked(Message):
        """The user picked a node to read. Handler: `on_section_tree_picked`."""

        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id
            """The id of the section, paragraph or recommendation picked."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Text("(no report)"), id=id, classes=classes)
        self.auto_expand = False
        self.report: Report | None = None
        """The report shown (set with `show_report`)."""
        self._sections: dict[str, TreeNode[str]] = {}
        self._filled: set[str] = set()
        self._following: str | None = None

    def show_report(self, report: Report) -> None:
        """Show `report`'s outline."""
        self.report = report
        self.reset(_label(report.display_title, style="bold"), report.id)
        self._sections = {}
        self._filled = set()
        expand = sum(len(s.paragraphs) for s in report.sections) < EXPAND_ALL_BELOW
        for section in report.sections:
            node = self.root.add(_label(section.title, style="bold"), section.id, allow_expand=bool(section.paragraphs))
            self._sections[section.id] = node
            if expand:
                self._fill(node, section)
                node.expand()
        self.root.expand()

    def follow(self, section_id: str, *, again: bool = True) -> None:
        """Move the cursor to the section `section_id` without picking it."""
        node = self._sections.get(section_id)
        if node is None or self.cursor_node is node:
            return
        if not self.size:  # not laid out yet (or hidden): scrolling now would lose the top rows
            self._following = section_id
            return
        if node.line < 0 and again:  # just added: its line is numbered when the tree is next idle
            self.call_after_refresh(self.follow, section_id, again=False)
            return
        self.move_cursor(node)

    def on_resize(self) -> None:
        """Follow the section asked for before the tree had a size."""
        following, self._following = self._following, None
        if following is not None:
            self.follow(following)

    def _fill(self, node: TreeNode[str], section: Section) -> None:
        if section.id in self._filled or self.report is None:
            return
        self._filled.add(section.id)
        recommendations: dict[str, list] = {}
        for recommendation in self.report.recommendations:
            recommendations.setdefault(recommendation.paragraph_id, []).append(recommendation)
        for paragraph in section.paragraphs:
            recs = recommendations.get(paragraph.id)
            if recs:
                for rec in recs:
                    number = rec.id.rsplit("/", 1)[1]
                    node.add_leaf(_label(first_words(rec.text), f"{number} "), rec.id)
            else:
                node.add_leaf(_label(first_words(paragraph.text), f"{paragraph.number} "), paragraph.id)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        """Add a section's paragraphs the first time it opens."""
        event.stop()
        section = self.report and next((s for s in self.report.sections if s.id == event.node.data), None)
        if section is not None:
            self._fill(event.node, section)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """Tell the screen which node the user picked."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Picked(event.node.data))

    def action_collapse_or_parent(self) -> None:
        """Collapse the node under the cursor, or move to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)

    def action_expand_or_child(self) -> None:
        """Expand the node under the cursor, or move to its first child."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            if isinstance(node.data, str) and self.report is not None:
                section = next((s for s in self.report.sections if s.id == node.data), None)
                if section is not None:
                    self._fill(node, section)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

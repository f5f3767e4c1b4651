"""A scrolling view with the paging keys readers know from less and vim."""

from __future__ import annotations

from textual.scroll_view import ScrollView

__all__ = ["PagingView"]


class PagingView(ScrollView):
    """A `ScrollView` whose actions move by a line, a page or half a page, at once (no animation).

    The key bindings are the app's (see `ui/actions.py`); these are the actions they name.
    """

    def action_scroll_down(self) -> None:
        """Scroll down one line."""
        self._scroll_by(1)

    def action_scroll_up(self) -> None:
        """Scroll up one line."""
        self._scroll_by(-1)

    def action_page_down(self) -> None:
        """Scroll down one page."""
        self._scroll_by(max(self._page() - 1, 1))

    def action_page_up(self) -> None:
        """Scroll up one page."""
        self._scroll_by(-max(self._page() - 1, 1))

    def action_half_page_down(self) -> None:
        """Scroll down half a page."""
        self._scroll_by(max(self._page() // 2, 1))

    def action_half_page_up(self) -> None:
        """Scroll up half a page."""
        self._scroll_by(-max(self._page() // 2, 1))

    def _scroll_by(self, rows: int) -> None:
        self.scroll_relative(y=rows, animate=False, immediate=True)

    def _page(self) -> int:
        """The rows on view."""
        return max(self.scrollable_content_region.height, 1)

"""A mixin for widgets drawn line by line: their own style is worked out once per repaint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.strip import Strip

__all__ = ["OneStylePerRepaint"]


class OneStylePerRepaint:
    """Answers `rich_style` from one computation for all the lines of a `render_lines` call.

    `Tree` and line-by-line `ScrollView`s ask for `rich_style` on every line, and each
    answer walks the styles of every ancestor (a tenth of a millisecond apiece, forty
    times a frame). Nothing restyles a widget while it is being rendered, so the first
    answer serves the whole repaint. Mix in before the Textual widget class.
    """

    _repaint_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render the lines in `crop` (see `Widget.render_lines`) with the style worked out once."""
        self._repaint_style = None
        self._repaint_style = self.rich_style
        try:
            return super().render_lines(crop)  # type: ignore[misc, no-any-return]
        finally:
            self._repaint_style = None

    @property
    def rich_style(self) -> Style:
        """This widget's Rich style (see `DOMNode.rich_style`)."""
        if self._repaint_style is not None:
            return self._repaint_style
        return super().rich_style  # type: ignore[misc, no-any-return]

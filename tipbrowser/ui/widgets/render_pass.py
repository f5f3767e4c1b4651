"""Mixins that keep repaints cheap: one style per repaint, and no screen layout when only the content grows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Size
from textual.reactive import Reactive

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.strip import Strip

__all__ = ["OneStylePerRepaint", "FixedBox"]


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


class FixedBox:
    """For a widget whose box its CSS fixes: a change in the size of its content repaints it only.

    Textual's `virtual_size` asks for a layout of the whole screen when it changes (a full
    repaint of every pane, 30 ms with the reader on screen), though a widget sized by its
    CSS keeps its box whatever it holds. Its scrollbars still come and go as they should:
    showing or hiding one asks for a layout of its own. Mix in before the Textual widget class.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)

"""Palette commands for copying in each citation format, and for copying the current paragraph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from tipbrowser.cite import CiteFormat
from tipbrowser.ui.commands import TableProvider

if TYPE_CHECKING:
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["CopyCommands", "FORMAT_NAMES"]

FORMAT_NAMES = {
    CiteFormat.PLAIN: "plain text",
    CiteFormat.MARKDOWN: "Markdown",
    CiteFormat.BIBTEX: "BibTeX",
    CiteFormat.CSL_JSON: "CSL-JSON",
}
"""How the palette names each citation format."""


class CopyCommands(TableProvider):
    """"Copy as Markdown", "Copy as BibTeX", … and "Copy the current paragraph"."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: TipBrowserApp = self.app  # type: ignore[assignment]
        screen = app.reading
        for fmt, name in FORMAT_NAMES.items():
            yield (
                f"Copy as {name}",
                f"Copy the sentence, or the selected item, with a {name} citation",
                partial(screen.action_copy_cited, fmt.value),
            )
        yield "Copy the current paragraph", "Copy the whole current paragraph with its citation", screen.action_copy_paragraph

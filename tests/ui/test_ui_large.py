"""Large inputs: only rows on screen are rendered; huge lines and words wrap and cut."""

from __future__ import annotations

from tipbrowser.ui.app import TipBrowserApp
from tipbrowser.ui.widgets.document import DocumentView


async def _rendered_rows(app: TipBrowserApp, keys: list[str]) -> tuple[int, int]:
    calls = 0
    original = DocumentView.render_line

    def counting(self: DocumentView, y: int):
        nonlocal calls
        calls += 1
        return original(self, y)

    DocumentView.render_line = counting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            doc = app.reading.document
            calls = 0
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            return calls, doc.scrollable_content_region.height
    finally:
        DocumentView.render_line = original  # type: ignore[method-assign]


async def test_a_5_mb_report_renders_only_the_rows_on_screen(synthetic) -> None:
    paragraph = "The government investigated cases and [bold] prosecuted traffickers. " * 40
    report = synthetic([paragraph] * (5_000_000 // len(paragraph)))
    assert len(report.text) > 5_000_000
    calls, height = await _rendered_rows(TipBrowserApp([report]), ["G", "g", "space", "right_curly_bracket"])
    assert 0 < calls <= 4 * height * 2  # four keys, a screenful (or two) each, never the document


async def test_a_5_mb_line_and_a_2_mb_word_wrap_at_the_width(synthetic) -> None:
    report = synthetic(["word " * 1_000_000, "x" * 2_000_000])
    app = TipBrowserApp([report])
    async with app.run_test(size=(100, 30)) as pilot:
        doc = app.reading.document
        doc.go_to("big-2025/prosecution/p2")
        await pilot.pause()
        lines = doc.rendered_lines()
        body = [line.strip(" ▌") for line in lines if "x" in line]
        assert body and all(len(line) == doc.measure for line in body)
        await pilot.press("G")
        await pilot.pause()
        assert round(doc.scroll_y) == doc.max_scroll_y

"""Fixtures for the reader's tests: the app factory and a hostile narrative."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tipbrowser.model import Report

HERE = Path(__file__).parent


@pytest.fixture
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies are saved under the test's own folder and never reach a system clipboard.

    Returns the path of the saved copy.
    """
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("TIPBROWSER_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    import pyperclip

    from tipbrowser.ui.copy import reload_config

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (None, None))
    reload_config()
    return tmp_path / "state" / "tipbrowser" / "last-copy.txt"


@pytest.fixture
def hostile_path() -> Path:
    """A narrative full of markup, escape sequences, C1 controls and bidi overrides."""
    return HERE / "fixtures" / "hostile.txt"


@pytest.fixture
def synthetic():
    """A factory for reports of any size, built without the parser."""
    return synthetic_report


def synthetic_report(paragraphs: list[str], report_id: str = "big-2025") -> Report:
    """A report of one section holding `paragraphs`, built without the parser (any size)."""
    from tipbrowser.model import Paragraph, Report, Section, SectionKind, Sentence, Span, Tier

    section_id = f"{report_id}/prosecution"
    heading = "PROSECUTION"
    text = heading + "\n\n"
    built = []
    for number, body in enumerate(paragraphs, 1):
        start = len(text)
        span = Span(start, start + len(body))
        pid = f"{section_id}/p{number}"
        built.append(Paragraph(pid, body, span, (Sentence(f"{pid}/s1", body, span),)))
        text += body + "\n\n"
    section = Section(section_id, SectionKind.PROSECUTION, heading, tuple(built), Span(0, len(heading)))
    return Report(report_id, "A very large narrative", "Big", "BIG", 2025, Tier.TIER_3, (section,), (), "utf-8", text)

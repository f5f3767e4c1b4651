"""Shared fixtures: the bundled report, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipbrowser.bundled import bundled_path
from tipbrowser.model import Report
from tipbrowser.parser import parse_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def norway_path() -> Path:
    """The bundled 2025 Norway narrative."""
    return bundled_path()


@pytest.fixture(scope="session")
def norway(norway_path: Path) -> Report:
    """The bundled report, parsed."""
    return parse_path(norway_path)

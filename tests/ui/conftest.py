"""Fixtures for the reader's tests: the app factory and a hostile narrative."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture
def hostile_path() -> Path:
    """A narrative full of markup, escape sequences, C1 controls and bidi overrides."""
    return HERE / "fixtures" / "hostile.txt"

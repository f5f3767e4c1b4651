"""Shared fixtures: the bundled report, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipbrowser.bundled import bundled_path
from tipbrowser.model import Report
from tipbrowser.parser import parse_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's cache, state and config out of the real user's folders."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("TIPBROWSER_CONFIG_DIR", raising=False)


@pytest.fixture(scope="session")
def norway_path() -> Path:
    """The bundled 2025 Norway narrative."""
    return bundled_path()


@pytest.fixture(scope="session")
def norway(norway_path: Path) -> Report:
    """The bundled report, parsed."""
    return parse_path(norway_path)

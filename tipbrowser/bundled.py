"""The report that ships with tipbrowser, found both in a source tree and in a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["BUNDLED_NAME", "bundled_path"]

BUNDLED_NAME = "norway-2025.txt"


def bundled_path() -> Path:
    """The path of the bundled 2025 Norway narrative."""
    packaged = resources.files("tipbrowser").joinpath("seeds", BUNDLED_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds" / BUNDLED_NAME

"""The report that ships with tipbrowser, found both in a source tree and in a wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUNDLED_NAME", "bundled_path"]

BUNDLED_NAME = "norway-2025.txt"


def bundled_path() -> Path:
    """The path of the bundled 2025 Norway narrative.

    A wheel carries it inside the package (`tipbrowser/seeds/`); a source checkout keeps
    it in the top-level `seeds/` folder.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "seeds" / BUNDLED_NAME
    return packaged if packaged.is_file() else here.parent / "seeds" / BUNDLED_NAME

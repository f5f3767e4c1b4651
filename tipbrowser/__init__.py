"""tipbrowser: read, search and cite US Trafficking in Persons country narratives."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

"""Tier badges as content, in the header badge's colours, for lists and tables."""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color, ColorParseError
from textual.content import Content

from tipbrowser.text import slugify

__all__ = ["BADGE_COLOURS", "tier_badge"]

BADGE_COLOURS: dict[str, str] = {
    "tier-1": "success",
    "tier-2": "primary",
    "tier-2-watch-list": "warning",
    "tier-3": "error",
    "special-case": "secondary",
    "tier-none": "surface",
}
"""The theme colour behind each tier badge (the same as `#tier-badge` in the stylesheet)."""


def tier_badge(tier: str | None, variables: Mapping[str, str]) -> Content:
    """`tier` (a tier's text, or None) as a coloured badge; `variables` are the app's CSS variables."""
    name = slugify(tier) if tier else "tier-none"
    label = Content(f" {tier or 'tier not stated'} ")
    try:
        background = Color.parse(variables.get(BADGE_COLOURS.get(name, "surface"), "grey"))
    except ColorParseError:
        return label
    foreground = background.get_contrast_text(alpha=1.0)
    return label.stylize(f"bold {foreground.hex6} on {background.hex6}")

"""Small text helpers shared by every layer: making control characters visible, slugs."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["visible", "strip_controls", "slugify", "CONTROL_RE"]

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings, overrides and
# isolates, the line/paragraph separators terminals may act on, and lone surrogates (the
# undecodable bytes of a file name).
CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200e\u200f\u061c"
    "\ud800-\udfff]"
)


def _symbol(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (the Control Pictures block)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Return `text` with every control, escape and bidi character shown as a symbol.

    Tabs and newlines are kept. ESC becomes ␛, so no escape sequence from a report can
    reach the terminal, and U+202E becomes ``<U+202E>`` so it cannot reorder a line.
    """
    if not CONTROL_RE.search(text):
        return text
    return CONTROL_RE.sub(lambda match: _symbol(match.group()), text)


def strip_controls(text: str) -> str:
    """Return `text` without control, escape or bidi characters (for copied text)."""
    return CONTROL_RE.sub("", text)


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Côte d’Ivoire" → "cote-divoire"."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.replace("'", "")
    return _SLUG_DROP.sub("-", ascii_text).strip("-")

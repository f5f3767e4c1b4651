"""Phrase tables: a small pattern syntax and an index that scans a text for every phrase at once."""

from __future__ import annotations

import re

__all__ = ["phrase_pattern", "PhraseIndex"]


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase (the syntax is described above `vocabulary.CONCEPTS`)."""
    out: list[str] = []
    i = 0
    while i < len(phrase):
        char = phrase[i]
        if char in "([":
            depth, j = 0, i
            while j < len(phrase):
                depth += phrase[j] in "(["
                depth -= phrase[j] in ")]"
                j += 1
                if depth == 0:
                    break
            while j < len(phrase) and phrase[j] in "?+":
                j += 1
            out.append(phrase[i:j].replace(" ", r"[\s\-]+"))
            i = j
            continue
        if char == "*":
            out.append(r"[\w\-]*")
        elif char == " ":
            out.append(r"[\s\-‐‑–]+")
        elif char == "-":
            out.append(r"[\-‐‑–\s]?")
        elif char == "\\":
            out.append(phrase[i : i + 2])
            i += 1
        elif char in ",?+":
            out.append(char)
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


_WORD_START = re.compile(r"(?<![\w\-])\w")


def _lead(phrase: str) -> str:
    """The literal letters every match of a phrase starts with (at least two)."""
    lead = ""
    for i, char in enumerate(phrase):
        if char in " *-?([\\+,.'’":
            break
        if phrase[i + 1 : i + 2] == "?":
            break
        lead += char
    if len(lead) < 2:
        raise ValueError(f"phrase {phrase!r} must start with two literal letters")
    return lead


class PhraseIndex:
    """Phrases indexed by their first letters, tried only where a word starts."""

    def __init__(self, entries: list[tuple[object, str]]) -> None:
        self._by_key: tuple[dict[str, list[_Entry]], dict[str, list[_Entry]]] = ({}, {})
        for payload, phrase in entries:
            weak = phrase.startswith("~")
            text = phrase.lstrip("~").lower()
            lead = _lead(text)
            pattern = re.compile(phrase_pattern(text) + r"(?!\w)")
            table = self._by_key[0] if len(lead) >= 3 else self._by_key[1]
            table.setdefault(lead[:3], []).append((payload, weak, lead, pattern))
        three, two = self._by_key
        for key, entries in three.items():
            entries.extend(two.get(key[:2], ()))

    def scan(self, text: str) -> list[tuple[object, bool, int, int]]:
        """(payload, weak, start, end) for the longest match of each payload at each word start."""
        lowered = _lower(text)
        found: dict[tuple[int, int], tuple[object, bool, int, int]] = {}
        three, two = self._by_key
        for word in _WORD_START.finditer(lowered):
            pos = word.start()
            entries = three.get(lowered[pos : pos + 3]) or two.get(lowered[pos : pos + 2], ())
            for payload, weak, lead, pattern in entries:
                if not lowered.startswith(lead, pos):
                    continue
                match = pattern.match(lowered, pos)
                if match is None or match.end() == pos:
                    continue
                key = (id(payload), pos)
                best = found.get(key)
                if best is None or (match.end(), not weak) > (best[3], not best[1]):
                    found[key] = (payload, weak, pos, match.end())
        return list(found.values())


_Entry = tuple[object, bool, str, "re.Pattern[str]"]


def _lower(text: str) -> str:
    """`text` in lower case, keeping every offset (characters that change length stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

"""Deterministic benchmark corpora: many narratives made from the bundled report.

Each narrative takes the bundled 2025 Norway text and changes its country, year, tier and
figures, and leaves out a few sentences, all from a seeded random generator, so the same
arguments always write the same files.

    uv run python benchmarks/corpus.py OUT_DIR [--count 190 | --megabytes 100] [--seed 0]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipbrowser.bundled import bundled_path  # noqa: E402
from tipbrowser.text import slugify  # noqa: E402

__all__ = ["COUNTRIES", "YEARS", "TIERS", "narrative", "narratives", "generate", "count_for"]

COUNTRIES = tuple(
    """Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria Burundi
    Cambodia Cameroon Canada Chad Chile China Colombia Comoros Croatia Cuba Curaçao Cyprus Czechia
    Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France
    Gabon Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary
    Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
    Kiribati Kosovo Kuwait Laos Latvia Lebanon Lesotho Liberia Libya Lithuania Luxembourg Madagascar
    Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Mongolia
    Montenegro Morocco Mozambique Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Oman
    Pakistan Palau Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa
    Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
    Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Türkiye Turkmenistan
    Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
    Afghanistan Andorra Bahamas Burma Canaan Cabo-Verde Congo Côte-d’Ivoire Costa-Rica El-Salvador
    Equatorial-Guinea Guinea-Bissau Hong-Kong Macau Marshall-Islands New-Zealand North-Macedonia
    Papua-New-Guinea Saint-Lucia San-Marino São-Tomé Saudi-Arabia Sierra-Leone Solomon-Islands
    South-Africa South-Korea South-Sudan Sri-Lanka The-Gambia Timor-Leste Trinidad United-Kingdom
    Kyrgyzstan Liechtenstein Monaco Antigua-and-Barbuda Saint-Vincent Sint-Maarten""".split()
)
"""Country names (hyphens stand for spaces)."""

YEARS = tuple(range(2025, 2000, -1))
TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3")

_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d,])")
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_SENTENCE_END = re.compile(r"(?<=[a-z)]\.) (?=[A-Z])")


def _source() -> str:
    return bundled_path().read_text(encoding="utf-8")


def narrative(source: str, country: str, year: int, tier: str, rng: random.Random) -> str:
    """One narrative: `source` (the Norway text) for another country, year and tier."""
    shift = year - 2025
    text = source.replace("Tier 2", "\0")
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    text = _NUMBER.sub(lambda m: _figure(m.group(), rng), text)
    text = text.replace("\0", tier).replace("NORWAY", country.upper())
    text = text.replace("Norwegian", country).replace("Norway", country)
    lines = []
    for line in text.split("\n"):
        sentences = _SENTENCE_END.split(line)
        if len(sentences) > 2:
            sentences = [s for i, s in enumerate(sentences) if i == 0 or rng.random() > 0.1]
        lines.append(" ".join(sentences))
    return "\n".join(lines)


def _figure(number: str, rng: random.Random) -> str:
    """A figure of about the same size (years and small counts too)."""
    if "." in number:
        return f"{rng.uniform(0.1, 99.9):.{len(number.split('.')[1])}f}"
    value = int(number.replace(",", ""))
    if 1990 <= value <= 2040:
        return number
    new = rng.randint(max(0, value // 3), value * 3 + 5)
    return f"{new:,}" if "," in number else str(new)


def narratives(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) for `count` narratives: every country for a year, then the year before."""
    source = _source()
    rng = random.Random(seed)
    for i in range(count):
        country = COUNTRIES[i % len(COUNTRIES)].replace("-", " ")
        year = YEARS[(i // len(COUNTRIES)) % len(YEARS)]
        cycle = i // (len(COUNTRIES) * len(YEARS))
        if cycle:
            country = f"{country} {cycle + 1}"
        tier = rng.choice(TIERS)
        yield f"{slugify(country)}-{year}.txt", narrative(source, country, year, tier, rng)


def count_for(megabytes: float) -> int:
    """How many narratives make about `megabytes` of text."""
    return math.ceil(megabytes * 1_000_000 / len(_source().encode("utf-8")))


def generate(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` narratives into `folder` (created if needed) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in narratives(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    """Write a corpus and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--count", type=int, default=190)
    size.add_argument("--megabytes", type=float)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    count = count_for(args.megabytes) if args.megabytes else args.count
    paths = generate(args.folder, count, args.seed)
    total = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} narratives, {total / 1e6:.1f} MB in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

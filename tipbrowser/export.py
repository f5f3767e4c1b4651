"""Serialisation of the model to plain data for `--json` (kept out of the model itself)."""

from __future__ import annotations

import json
from typing import Any

from tipbrowser.model import Report, Span
from tipbrowser.text import CONTROL_RE

__all__ = ["outline_dict", "dumps", "span_list"]


def span_list(span: Span) -> list[int]:
    """A span as the `[start, end]` pair the JSON contracts use."""
    return [span.start, span.end]


def outline_dict(report: Report) -> dict[str, Any]:
    """The `outline --json` contract."""
    return {
        "id": report.id,
        "title": report.title,
        "country": report.country,
        "country_as_written": report.country_as_written,
        "year": report.year,
        "tier": report.tier.value if report.tier else None,
        "encoding": report.encoding,
        "source": report.source,
        "sections": [
            {
                "id": section.id,
                "kind": section.kind.value,
                "title": section.title,
                "paragraphs": [
                    {
                        "id": paragraph.id,
                        "text": paragraph.text,
                        "span": span_list(paragraph.span),
                        "sentences": [
                            {"id": s.id, "text": s.text, "span": span_list(s.span)}
                            for s in paragraph.sentences
                        ],
                    }
                    for paragraph in section.paragraphs
                ],
            }
            for section in report.sections
        ],
        "recommendations": [
            {"id": r.id, "text": r.text, "span": span_list(r.span), "paragraph_id": r.paragraph_id}
            for r in report.recommendations
        ],
    }


def dumps(data: Any) -> str:
    """JSON text safe to print to a terminal: control and bidi characters are escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

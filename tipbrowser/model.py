"""The document model: frozen, addressable nodes with spans into the normalised text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter

__all__ = [
    "Span",
    "SectionKind",
    "Tier",
    "Sentence",
    "Paragraph",
    "Section",
    "Recommendation",
    "Report",
    "Node",
]


_GETTERS: dict[type, attrgetter[tuple[object, ...]]] = {}


def _reduce(node: object) -> tuple[type, tuple[object, ...]]:
    """Pickle a slotted node as a constructor call: several times faster to load."""
    kind = type(node)
    getter = _GETTERS.get(kind)
    if getter is None:
        getter = _GETTERS[kind] = attrgetter(*kind.__slots__, "__class__")  # type: ignore[attr-defined]
    return kind, getter(node)[:-1]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range of character offsets into a report's normalised text."""

    __reduce__ = _reduce

    start: int
    end: int

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        """Whether `offset` falls inside the span."""
        return self.start <= offset < self.end


class SectionKind(str, Enum):
    """What a section of a narrative is."""

    INTRO = "intro"
    PROFILE = "profile"
    RECOMMENDATIONS = "recommendations"
    PROSECUTION = "prosecution"
    GOVERNMENT_EFFORTS = "government_efforts"
    PROTECTION = "protection"
    PREVENTION = "prevention"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The name readers know the section by."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SectionKind.INTRO: "Summary",
    SectionKind.PROFILE: "Trafficking profile",
    SectionKind.RECOMMENDATIONS: "Prioritized recommendations",
    SectionKind.PROSECUTION: "Prosecution",
    SectionKind.GOVERNMENT_EFFORTS: "Government efforts",
    SectionKind.PROTECTION: "Protection",
    SectionKind.PREVENTION: "Prevention",
    SectionKind.OTHER: "Other",
}


class Tier(str, Enum):
    """A tier placement, spelled as the report spells it."""

    TIER_1 = "Tier 1"
    TIER_2 = "Tier 2"
    TIER_2_WATCH_LIST = "Tier 2 Watch List"
    TIER_3 = "Tier 3"
    SPECIAL_CASE = "Special Case"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a paragraph."""

    __reduce__ = _reduce

    id: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: a run of text between blank lines (or one list line)."""

    __reduce__ = _reduce

    id: str
    text: str
    span: Span
    sentences: tuple[Sentence, ...]

    @property
    def number(self) -> int:
        """The paragraph's 1-based number within its section."""
        return int(self.id.rsplit("/p", 1)[1])


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the narrative: summary, recommendations, the three Ps, profile."""

    __reduce__ = _reduce

    id: str
    kind: SectionKind
    title: str
    paragraphs: tuple[Paragraph, ...]
    heading_span: Span | None = None

    @property
    def span(self) -> Span | None:
        """From the heading (or first paragraph) to the end of the last paragraph."""
        starts = [p.span.start for p in self.paragraphs]
        if self.heading_span is not None:
            starts.append(self.heading_span.start)
        if not starts:
            return None
        ends = [p.span.end for p in self.paragraphs] or [self.heading_span.end]  # type: ignore[union-attr]
        return Span(min(starts), max(ends))


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One prioritized recommendation, without its bullet or separator."""

    __reduce__ = _reduce

    id: str
    text: str
    span: Span
    paragraph_id: str


@dataclass(frozen=True, slots=True)
class Report:
    """A whole narrative: metadata, sections in reading order and the recommendations."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickle the text once and each node as its id and offsets (see `_packed`)."""
        return _unpack, (_reduce(self)[1][:6], *_packed(self))

    id: str
    title: str | None
    country: str | None
    country_as_written: str | None
    year: int | None
    tier: Tier | None
    sections: tuple[Section, ...]
    recommendations: tuple[Recommendation, ...]
    encoding: str
    text: str
    source: str | None = None
    dropped: tuple[Span, ...] = field(default=())

    @property
    def display_title(self) -> str:
        """A title for headers: the report's own, else built from country and year."""
        if self.title:
            return self.title
        if self.country and self.year:
            return f"{self.year} Trafficking in Persons Report: {self.country}"
        return self.country or self.id

    def paragraphs(self) -> Iterator[tuple[Section, Paragraph]]:
        """Every paragraph in reading order, with its section."""
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield section, paragraph

    def sentences(self) -> Iterator[tuple[Section, Paragraph, Sentence]]:
        """Every sentence in reading order, with its section and paragraph."""
        for section in self.sections:
            for paragraph in section.paragraphs:
                for sentence in paragraph.sentences:
                    yield section, paragraph, sentence

    def section(self, kind: SectionKind) -> Section | None:
        """The first section of `kind`, if the report has one."""
        return next((s for s in self.sections if s.kind is kind), None)

    def find(self, node_id: str) -> Node | None:
        """The node with id `node_id`, or None."""
        return self._index().get(node_id)

    def ids(self) -> list[str]:
        """Every addressable id, in reading order."""
        return list(self._index())

    def _index(self) -> dict[str, Node]:
        cached = _INDEX_CACHE.get(id(self))
        if cached is not None and cached[0] is self:
            return cached[1]
        index: dict[str, Node] = {}
        for section in self.sections:
            index[section.id] = section
            for paragraph in section.paragraphs:
                index[paragraph.id] = paragraph
                for sentence in paragraph.sentences:
                    index[sentence.id] = sentence
        for recommendation in self.recommendations:
            index[recommendation.id] = recommendation
        if len(_INDEX_CACHE) > 64:
            _INDEX_CACHE.clear()
        _INDEX_CACHE[id(self)] = (self, index)
        return index


Node = Section | Paragraph | Sentence | Recommendation

_INDEX_CACHE: dict[int, tuple[Report, dict[str, Node]]] = {}


# -- pickling a report compactly ---------------------------------------------------------
# Each node's text is the report's text at its span (the parser guarantees it), so a
# pickled report holds the text once and every node as plain tuples of ids and offsets;
# a text that differs from its span's (a report built by hand) is kept as it is. This is
# several times smaller and faster to write than pickling every node with its text.

_PackedText = tuple[str, int, int, str | None]


def _pack(node: Sentence | Recommendation, text: str) -> _PackedText:
    start, end = node.span.start, node.span.end
    return node.id, start, end, None if node.text == text[start:end] else node.text


def _packed(report: Report) -> tuple[object, ...]:
    text = report.text
    sections = tuple(
        (
            section.id,
            section.kind.value,
            section.title,
            None if section.heading_span is None else (section.heading_span.start, section.heading_span.end),
            tuple(
                (*_pack(paragraph, text), tuple(_pack(sentence, text) for sentence in paragraph.sentences))  # type: ignore[arg-type]
                for paragraph in section.paragraphs
            ),
        )
        for section in report.sections
    )
    recommendations = tuple((*_pack(r, text), r.paragraph_id) for r in report.recommendations)
    dropped = tuple((span.start, span.end) for span in report.dropped)
    return sections, recommendations, report.encoding, text, report.source, dropped


def _unpack(
    head: tuple[object, ...],
    sections: tuple[tuple[str, str, str, tuple[int, int] | None, tuple[tuple[object, ...], ...]], ...],
    recommendations: tuple[tuple[str, int, int, str | None, str], ...],
    encoding: str,
    text: str,
    source: str | None,
    dropped: tuple[tuple[int, int], ...],
) -> Report:
    built = []
    for section_id, kind, title, heading, paragraphs in sections:
        built_paragraphs = []
        for paragraph_id, start, end, own, sentences in paragraphs:  # type: ignore[misc]
            built_sentences = tuple(
                Sentence(sentence_id, text[low:high] if sentence_text is None else sentence_text, Span(low, high))
                for sentence_id, low, high, sentence_text in sentences
            )
            paragraph_text = text[start:end] if own is None else own
            built_paragraphs.append(Paragraph(paragraph_id, paragraph_text, Span(start, end), built_sentences))
        span = None if heading is None else Span(*heading)
        built.append(Section(section_id, SectionKind(kind), title, tuple(built_paragraphs), span))
    recs = tuple(
        Recommendation(rec_id, text[start:end] if own is None else own, Span(start, end), paragraph_id)
        for rec_id, start, end, own, paragraph_id in recommendations
    )
    spans = tuple(Span(start, end) for start, end in dropped)
    return Report(*head, tuple(built), recs, encoding, text, source, spans)  # type: ignore[arg-type]

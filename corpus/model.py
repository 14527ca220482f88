"""Frozen dataclasses passed between the corpus stage and the rest."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A heading and the span of text it governs.

    Attributes:
        path: headings from the root down to this one, e.g.
            ("一、2023年工作总结", "(二)坚持主体创新,激发澎湃创新活力").
        heading: this section's own heading line ("" for the preamble).
        level: depth in the tree (0 = preamble / whole document).
        start: offset of the heading (or body) in the original text.
        end: offset one past the section's last character (children included).
        year: the year the section speaks of, when known.
        kind: "actual" (review/summary), "plan" (targets, plans), "problem",
            or "" when unknown.
        half: "H1" / "H2" when the section is about one half of the year.
    """

    path: tuple[str, ...]
    heading: str
    level: int
    start: int
    end: int
    year: int | None = None
    kind: str = ""
    half: str = ""

    @property
    def path_str(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class Passage:
    """A quotable run of whole sentences inside one section.

    Attributes:
        pid: stable id "<doc_id>#<n>".
        doc_id: path of the document relative to the indexed folder.
        text: verbatim original text, ``document.text[start:end]``.
        start: offset in the original text.
        end: offset one past the end.
        section: section path as "一、… > (二)…" ("" when there is none).
        section_year: year the section speaks of, if known.
        section_kind: "actual", "plan", "problem" or "".
        context: title, region and section path, used for indexing only; it
            is never quoted.
    """

    pid: str
    doc_id: str
    text: str
    start: int
    end: int
    section: str = ""
    section_year: int | None = None
    section_kind: str = ""
    section_half: str = ""
    context: str = ""


@dataclass(frozen=True)
class Document:
    """A parsed document with its metadata, sections and passages.

    Attributes:
        doc_id: path relative to the indexed folder (file name for a file).
        text: the original text as decoded (line endings normalised to \\n).
        norm: the matching form of ``text``: simplified script, half width,
            lower case. Always the same length as ``text`` so offsets agree.
        issued: the year the document was issued (its date's; for an undated
            work report, the year after the one it reviews), when known.
        folder: the folder it was indexed from, where its sidecar manifest is
            (absolute; "" when unknown, e.g. a file uploaded through the web page).
    """

    doc_id: str
    text: str
    norm: str
    title: str = ""
    issuer: str = ""
    doc_number: str = ""
    date: str = ""
    region: str = ""
    years: tuple[int, ...] = ()
    issued: int | None = None
    script: str = "简"
    source_format: str = "txt"
    encoding: str = "utf-8"
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = field(default=())
    folder: str = ""

    def section_at(self, offset: int) -> Section | None:
        """The deepest section holding an offset of the text (None before any heading)."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

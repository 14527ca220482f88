"""answer.named_doc._measured_in: the passages of a named document stating a figure in the
unit asked, when the question's other words find none of them."""

from __future__ import annotations

from collections.abc import Collection

from answer.named_doc import _measured_in
from corpus.document import parse_text
from corpus.facts import extract_facts
from corpus.model import Document, Fact, Passage

NEWS = (
    "2019年5月17日,甲乙峰会在第三届甲乙大会期间举办。甲市副市长参加峰会并致辞。\n"
    "推动云计算与工业融合,以新模式推进产业转型升级,是制造业探索的重要方向。\n"
    "甲院士、乙院士及行业机构、企业代表共400余人参加峰会。\n"
    "峰会期间签约项目12个,总投资36亿元。\n"
)


class _Retriever:
    """Facts and passages of one document, as :class:`retrieval.search.Retriever` gives them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.facts = extract_facts(doc)

    def facts_between(self, doc_id: str, start: int, end: int) -> list[Fact]:
        return [f for f in self.facts if start <= f.value_start < end]

    def passages_covering(self, doc_id: str, offsets: Collection[int]) -> list[Passage]:
        return [p for p in self.doc.passages if any(p.start <= o < p.end for o in offsets)]


def test_the_passages_stating_a_figure_in_the_unit_asked_are_read() -> None:
    doc = parse_text(NEWS, "n.txt")
    retriever = _Retriever(doc)
    seen: set[str] = set()
    found = _measured_in("人", ("n.txt",), retriever, seen, 4)  # type: ignore[arg-type]
    assert [p.pid for p in found] and all("400余人" in p.text for p in found)
    assert seen == {p.pid for p in found}
    # …once: a passage already read is not read again, and none states a figure in 岁
    assert _measured_in("人", ("n.txt",), retriever, seen, 4) == []  # type: ignore[arg-type]
    assert _measured_in("岁", ("n.txt",), retriever, set(), 4) == []  # type: ignore[arg-type]

"""Shared fixtures: the sample corpus, a fake-embedder index of it, and a QA over it.

Everything here runs without the real embedding model. Session-scoped
fixtures are read-only: a test that changes an index must build its own
(see ``fixture_corpus`` / ``tmp_path``).
"""

from __future__ import annotations

import io
import shutil
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "corpus" / "samples"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
FIXTURE_CORPUS_DIR = FIXTURES_DIR / "corpus"

SAMPLE_IDS = (
    "000_6eaca3ed01c4c811.txt",
    "001_f9ee6873cacabd59.txt",
    "002_f02437565036b0c9.txt",
    "003_319bd9830f448044.txt",
    "004_57978b5f9cc16516.txt",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the real model (the ``real_qa`` fixture) is slow, marked or not."""
    for item in items:
        if "real_qa" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _real_model_only_in_slow_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test not marked ``slow`` that would load the real model fails at once, saying so
    (``make test-fast`` must stay fast)."""
    if request.node.get_closest_marker("slow"):
        return
    from index import embed

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("this test loads the real embedding model: mark it slow")

    # A tiny model made in the test's own folder (tests/index/test_onnx_export.py) may load.
    real_init = embed.SentenceTransformerEmbedder.__init__

    def only_local(self: object, name: str | None = None, **kwargs: object) -> None:
        if name is None or not Path(name).is_dir():
            refuse()
        real_init(self, name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embed, "_m3e_folder", refuse)
    monkeypatch.setattr(embed.SentenceTransformerEmbedder, "__init__", only_local)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The shipped sample corpus (five documents and manifest.tsv); do not modify."""
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def fake_embedder():  # type: ignore[no-untyped-def]
    """The deterministic bigram embedder (no model download, no torch)."""
    from index.embed import FakeEmbedder

    return FakeEmbedder()


@pytest.fixture
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the machine-wide embedding cache ($POLICYQA_CACHE_DIR) at an empty folder.

    Builds in the test then embed exactly what they must (no vectors from
    other tests or from the developer's ~/.cache) and write nothing outside tmp.
    """
    folder = tmp_path / "policyqa-cache"
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def sample_index_dir(tmp_path_factory: pytest.TempPathFactory, fake_embedder) -> Path:  # type: ignore[no-untyped-def]
    """An index of corpus/samples built once per session with the fake embedder (read-only)."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("sample-index") / "index"
    with pytest.MonkeyPatch.context() as mp:
        # Keep the fake vectors out of the user's embedding cache.
        mp.setenv("POLICYQA_CACHE_DIR", str(tmp_path_factory.mktemp("sample-cache")))
        report = build_index([SAMPLES_DIR], folder, fake_embedder)
    assert report.n_documents == len(SAMPLE_IDS) and not report.skipped
    return folder


@pytest.fixture(scope="session")
def sample_index(sample_index_dir: Path, fake_embedder):  # type: ignore[no-untyped-def]
    """The loaded :class:`index.store.Index` of the samples (read-only)."""
    from index.store import load

    return load(sample_index_dir, model_id=fake_embedder.model_id)


@pytest.fixture(scope="session")
def qa(sample_index_dir: Path, fake_embedder):  # type: ignore[no-untyped-def]
    """A :class:`answer.pipeline.QA` over the sample index with the fake embedder."""
    from answer.pipeline import QA

    return QA(sample_index_dir, embedder=fake_embedder)


@pytest.fixture
def qa_of_texts(tmp_path: Path, fake_embedder):  # type: ignore[no-untyped-def]
    """``qa_of_texts({"p.txt": text, …})``: a QA (fake embedder) over made-up documents."""
    from answer.pipeline import QA
    from index.build import build_index

    def make(texts: dict[str, str]) -> QA:
        docs = tmp_path / "docs"
        docs.mkdir(exist_ok=True)
        for name, text in texts.items():
            (docs / name).write_text(text, encoding="utf-8")
        build_index([docs], tmp_path / "idx", fake_embedder)
        return QA(tmp_path / "idx", fake_embedder)

    return make


@pytest.fixture
def fixture_corpus(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/corpus (three small documents and a manifest)."""
    dest = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS_DIR, dest)
    return dest


@pytest.fixture
def built(fixture_corpus: Path, tmp_path: Path) -> Path:
    """An index of the fixture corpus (fake embedder) in ``tmp_path / "idx"``."""
    from index.build import build_index
    from index.embed import FakeEmbedder

    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder())
    return folder


def as_json_lines(folder: Path, version: int = 5) -> Path:
    """Rewrite the current version of an index as a JSON lines index of ``version`` (4 or 5:
    documents, passages and tokens in .jsonl files, what policyqa wrote before format 6),
    its checksums made to match."""
    import json
    from dataclasses import asdict

    from index import checksum, layout, pq, store
    from index.files import doc_to_json, write_jsonl

    index = store.load(folder, tokens=True)
    data = layout.resolve(folder).data
    write_jsonl(data / "documents.jsonl", [doc_to_json(d) for d in index.documents.values()])
    rows = zip(index.passages, index.keys, index.dense_keys, strict=True)
    write_jsonl(
        data / "passages.jsonl", [{**asdict(p), "key": k, "dense_key": dk} for p, k, dk in rows]
    )
    write_jsonl(data / "tokens.jsonl", index.tokens or [])
    del index
    for name in ("store.sqlite", "ivf_centroids.npy", "ivf_offsets.npy", "ivf_rows.npy", *pq.FILES):
        (data / name).unlink(missing_ok=True)
    (data / "ivf_vectors.npy").unlink(missing_ok=True)
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = version
    files = checksum.record(data)
    del files["manifest.json"]
    manifest["files"] = files
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def json_lines():  # type: ignore[no-untyped-def]
    """:func:`as_json_lines`, for tests that change the files of a JSON lines index."""
    return as_json_lines


@pytest.fixture
def make_flat():  # type: ignore[no-untyped-def]
    """Turn an index folder into the flat layout of format 3 (what policyqa wrote before 4).

    The current version's files (as JSON lines) move up into the folder, the pointer
    and the version folders go, and the manifest loses its checksums.
    """
    import json

    from index import layout

    def flatten(folder: Path) -> Path:
        as_json_lines(folder)
        data = layout.resolve(folder).data
        for path in data.iterdir():
            path.rename(folder / path.name)
        for path in folder.iterdir():
            if path.is_dir():
                shutil.rmtree(path)
        (folder / layout.POINTER).unlink()
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["format_version"] = 3
        del manifest["files"]
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        return folder

    return flatten


@pytest.fixture(scope="session")
def real_qa(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """QA over the samples indexed with the real m3e-small model (skipped when not installed).

    The embedding cache goes to a temporary folder, so a run never reuses
    vectors from earlier runs and leaves nothing behind.
    """
    pytest.importorskip("sentence_transformers")
    import os

    from answer.pipeline import QA
    from corpus.errors import ModelLoadError
    from index.build import build_index
    from index.embed import get_embedder

    try:
        embedder = get_embedder("m3e-small")
    except ModelLoadError as exc:
        pytest.skip(str(exc))
    root = tmp_path_factory.mktemp("real")
    old = os.environ.get("POLICYQA_CACHE_DIR")
    os.environ["POLICYQA_CACHE_DIR"] = str(root / "cache")
    try:
        report = build_index([SAMPLES_DIR], root / "index", embedder)
    finally:
        if old is None:
            os.environ.pop("POLICYQA_CACHE_DIR", None)
        else:
            os.environ["POLICYQA_CACHE_DIR"] = old
    assert report.n_documents == 5 and not report.skipped
    return QA(root / "index", embedder=embedder)


@pytest.fixture(scope="session")
def ocr_font() -> tuple[str, int]:
    """A CJK font to render test scans with, when OCR is installed (else the test skips)."""
    from corpus.ocr import ocr_available
    from evals.render_pages import cjk_font

    if not ocr_available(pdf=True):
        pytest.skip("OCR extra not installed (pip install 'policyqa[ocr]')")
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font on this machine (fc-list :lang=zh finds none)")
    return font


Placed = tuple[float, float, str]  # x, y (points from the page's top left), text


def _one_page_pdf(
    content: bytes = b"",
    *,
    lines: Sequence[str] = (),
    info: bytes = b"",
    at: Sequence[Placed] = (),
    page: bytes = b"",
    turn: tuple[float, float, float, float] = (1, 0, 0, 1),
    ordering: bytes = b"GB1",
) -> bytes:
    """Hand-write a one-page A4 PDF.

    ``lines`` are shown top down from the left margin (12 pt, 20 pt apart), each
    text of ``at`` where it says, with a Type0/Identity-H font whose ToUnicode CMap
    maps glyph id n to the n-th distinct character, which is all a reader needs to
    extract the text (no font program is embedded; every glyph is 1 em wide).
    ``page``: more entries of the page dictionary (``/Rotate 90``); ``turn``: the text
    matrix's a b c d (``(0, 1, -1, 0)``: lines run up the page); ``ordering``: the font's
    character collection (``Identity`` with no font program: pdfium drops a text
    object of one CJK character, as it finds no glyph box for it).
    """
    at = [*((72.0, 72.0 + 20 * n, line) for n, line in enumerate(lines)), *at]
    chars = list(dict.fromkeys("".join(text for _, _, text in at)))
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    if at:
        shows = [
            f"BT /F1 12 Tf {' '.join(f'{v:g}' for v in turn)} {x:g} {842 - y:g} Tm"
            f" <{''.join(f'{cid[c]:04X}' for c in text)}> Tj ET"
            for x, y, text in at
        ]
        content = "\n".join(shows).encode("ascii")
    bfchar = "\n".join(f"<{cid[c]:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Custom def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{bfchar}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")

    def stream(data: bytes) -> bytes:
        packed = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
            len(packed),
            packed,
        )

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>" % page,
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 0 >> >>" % ordering,
        stream(cmap),
        b"<< " + info + b" >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 8 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _build_pdf(
    content: bytes = b"",
    *,
    pages: Sequence[Sequence[str]] = (),
    placed: Sequence[Sequence[Placed]] = (),
    **one: Any,
) -> bytes:
    """A PDF of one page (``content``, or the keywords of :func:`_one_page_pdf`: ``lines``,
    texts placed ``at`` positions, …), or of one page per list of ``pages`` (lines) or of
    ``placed`` (positioned texts)."""
    if not pages and not placed:
        return _one_page_pdf(content, **one)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    built = [_one_page_pdf(lines=x) for x in pages] + [_one_page_pdf(at=x) for x in placed]
    for one in built:
        writer.append(PdfReader(io.BytesIO(one)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def build_pdf() -> Callable[..., bytes]:
    """Hand-writes PDFs with a Chinese text layer (see :func:`_build_pdf`)."""
    return _build_pdf


@pytest.fixture(scope="session")
def milvus_lite() -> None:
    """Skip a Milvus test when pymilvus or milvus-lite cannot be imported (missing or broken)."""
    for name in ("pymilvus", "milvus_lite"):
        try:
            __import__(name)
        except ImportError as exc:
            pytest.skip(
                f"Milvus tests need {name} ({exc}): pip install 'policyqa[milvus]' "
                "(make install does)"
            )


@pytest.fixture(scope="session")
def lite_index(tmp_path_factory: pytest.TempPathFactory, fake_embedder, milvus_lite):  # type: ignore[no-untyped-def]
    """The samples indexed with the fake embedder into a folder index and its Milvus Lite
    collection (read-only): (index folder, BackendConfig)."""
    from index.backend import backend_config
    from index.build import build_index

    root = tmp_path_factory.mktemp("lite-index")
    backend = backend_config("milvus", str(root / "milvus"), env={})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICYQA_CACHE_DIR", str(root / "cache"))
        report = build_index([SAMPLES_DIR], root / "index", fake_embedder, backend=backend)
    assert report.n_documents == len(SAMPLE_IDS)
    return root / "index", backend


@pytest.fixture
def milvus_server(milvus_lite):  # type: ignore[no-untyped-def]
    """The Milvus server of ``$POLICYQA_MILVUS_URI`` (http://…, token from
    ``$POLICYQA_MILVUS_TOKEN``) as a BackendConfig; skipped when none is set."""
    import os

    from index.backend import backend_config, is_server_uri

    uri = os.environ.get("POLICYQA_MILVUS_URI", "")
    if not is_server_uri(uri):
        pytest.skip(
            "no Milvus server configured: set POLICYQA_MILVUS_URI=http://host:19530 "
            "(and POLICYQA_MILVUS_TOKEN if it needs one) to run the server tests"
        )
    return backend_config("milvus", uri)

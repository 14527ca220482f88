"""The index behind the web UI: loaded once, reloaded when it changes, changed under a lock.

* A newer index on disk (a CLI ``policyqa index`` while the server runs) is
  noticed by a ``stat`` of its ``manifest.json`` (at most every
  ``ServeConfig.reload_check_seconds``), confirmed by the manifest's
  ``built_at`` / ``corpus_hash`` / ``model_id``, and loaded before the request
  is answered.
* An upload named like an indexed document never replaces it: the new file
  gets a unique id (``name-2.txt``), or is skipped when its text is the same.
* Every change (upload, removal, sample import) and every refused attempt is
  appended as one JSON line to ``<index>.changes.jsonl`` beside the index
  folder, which a rebuild (it replaces the folder) never touches.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.errors import IndexNotFoundError, PolicyQAError
from ui import messages, render
from ui.corrections import changed_fields, corrected_document, current_fields, writable_folder

if TYPE_CHECKING:
    from collections.abc import Callable

    from answer.pipeline import QA
    from corpus.model import Document
    from index.backend import BackendConfig
    from index.build import BuildReport
    from index.embed import Embedder

    Progress = Callable[[str, int, int], None]

Stamp = tuple[int, str, str, str]


def changes_log_path(index_dir: Path) -> Path:
    """``<index>.changes.jsonl`` beside the index folder (kept across rebuilds)."""
    index_dir = Path(index_dir).resolve()
    return index_dir.parent / f"{index_dir.name}.changes.jsonl"


def unique_id(name: str, taken: set[str]) -> str:
    """``name``, or ``stem-2.suffix``, ``stem-3.suffix`` … whichever is not ``taken``."""
    if name not in taken:
        return name
    path = Path(name)
    n = 2
    while f"{path.stem}-{n}{path.suffix}" in taken:
        n += 1
    return f"{path.stem}-{n}{path.suffix}"


@dataclass
class Staged:
    """Uploaded files copied under the ids they will be indexed as."""

    folder: Path
    paths: list[Path] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # original name -> new id
    same: list[str] = field(default_factory=list)  # identical to an indexed document


def _one_save() -> Any:
    """How the server writes: embeddings first, then one save (never an index pending
    embedding first: requests would wait on the library's lock until it is complete)."""
    from index.write import BuildConfig

    return BuildConfig(bm25_first=False)


class Library:
    """The index shared by all sessions of one server."""

    def __init__(
        self,
        index_dir: Path,
        embedder: Embedder | None = None,
        *,
        check_seconds: float = 0.0,
        backend: BackendConfig | None = None,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.backend = backend
        self.check_seconds = check_seconds
        self.qa: QA | None = None
        self.problem = ""
        self.missing = False  # no index at all (rather than an unusable one)
        self._lock = threading.RLock()
        self._log_lock = threading.Lock()
        self._stamp: Stamp | None = None
        self._mtime = -1
        self._checked = 0.0
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def _index_stamp(self) -> int:
        from index.store import change_stamp

        return change_stamp(self.index_dir)

    def _read_stamp(self, mtime: int) -> Stamp | None:
        from index.store import read_manifest

        try:
            m = read_manifest(self.index_dir)
        except PolicyQAError:
            return None
        built, corpus, model = (str(m.get(k, "")) for k in ("built_at", "corpus_hash", "model_id"))
        return (mtime, built, corpus, model)

    def reload(self) -> None:
        from answer.pipeline import QA

        with self._lock:
            mtime = self._index_stamp()
            try:
                qa = QA(self.index_dir, self._reusable_embedder(), backend=self.backend)
                qa.warm()  # (a server's first questions wait for no parsing)
            except PolicyQAError as exc:
                self.qa, self.problem = None, messages.describe(exc)
                self.missing = isinstance(exc, IndexNotFoundError)
            else:
                self.qa, self.problem, self.missing = qa, "", False
            self._mtime, self._stamp = mtime, self._read_stamp(mtime)
            self._checked = time.monotonic()

    def _reusable_embedder(self) -> Embedder | None:
        """The given embedder, else the loaded one when the index on disk uses the same model."""
        if self.embedder is not None or self.qa is None:
            return self.embedder
        stamp_model = self._disk_model()
        return self.qa.embedder if stamp_model == self.qa.embedder.model_id else None

    def _disk_model(self) -> str | None:
        from index.store import read_manifest

        try:
            return str(read_manifest(self.index_dir).get("model_id"))
        except PolicyQAError:
            return None

    def refresh_if_changed(self) -> bool:
        """Load the index again if a newer one was written (by the CLI); True if reloaded.

        A missing manifest (a swap under way) keeps the loaded index until it is back.
        """
        now = time.monotonic()
        if self.check_seconds and now - self._checked < self.check_seconds:
            return False
        self._checked = now
        mtime = self._index_stamp()
        if mtime == self._mtime or (mtime == -1 and self.qa is not None):
            return False
        with self._lock:
            if mtime == self._mtime:
                return False  # another request reloaded it meanwhile
            if self._read_stamp(mtime) == self._stamp and self.qa is not None:
                self._mtime = mtime
                return False
            self.reload()
        return True

    def require(self) -> QA:
        """The current QA object, or a page message saying how to get an index."""
        self.refresh_if_changed()
        if self.qa is None:
            self.reload()
        qa = self.qa
        if qa is None:
            raise PolicyQAError(self.hint())
        return qa

    def hint(self) -> str:
        """Why there is no QA object, and what to do."""
        if self.missing:
            return messages.NO_INDEX
        return messages.BAD_INDEX.format(problem=self.problem)

    @property
    def documents(self) -> Mapping[str, Document]:
        self.refresh_if_changed()
        qa = self.qa
        return qa.documents if qa else {}

    def _embedder(self) -> Embedder:
        if self.embedder is not None:
            return self.embedder
        if self.qa is not None:
            return self.qa.embedder
        from index.embed import get_embedder

        return get_embedder(None)

    # -- changes -------------------------------------------------------------------------

    def add(
        self, paths: list[Path], cb: Progress | None = None, *, folders: bool = True
    ) -> BuildReport:
        """Add (or replace, by doc id) files; with no index yet, build one from them.
        ``folders``: record where the documents came from (not for temporary copies)."""
        from index.build import add_documents, build_index

        with self._lock:
            embedder = self._embedder()

            def run(build: Callable[..., BuildReport]) -> BuildReport:
                return build(
                    paths,
                    self.index_dir,
                    embedder,
                    progress=cb,
                    folders=folders,
                    backend=self.backend,
                    config=_one_save(),
                )

            try:
                report = run(add_documents)
            except IndexNotFoundError:
                report = run(build_index)
            self.reload()
        return report

    def stage(self, paths: list[Path]) -> Staged:
        """Copy uploads to a temporary folder under ids no indexed document has.

        A file whose text equals the indexed document of its name is left out
        (``same``); one that differs is renamed (``renamed``); nothing is replaced.
        """
        from corpus.document import load_document

        staged = Staged(Path(tempfile.mkdtemp(prefix="policyqa-upload-")))
        docs = self.documents
        taken = set(docs)
        for path in paths:
            name = path.name
            if name in docs:
                try:
                    text = load_document(path, name).text
                except PolicyQAError:
                    text = None  # unreadable: the build reports it
                if text == docs[name].text:
                    staged.same.append(name)
                    continue
            new = unique_id(name, taken)
            taken.add(new)
            if new != name:
                staged.renamed[name] = new
            target = staged.folder / new
            shutil.copyfile(path, target)
            staged.paths.append(target)
        return staged

    def upload(self, paths: list[Path], cb: Progress | None = None) -> tuple[Staged, Any]:
        """Add uploaded files without replacing any indexed document (see :meth:`stage`)."""
        with self._lock:
            staged = self.stage(paths)
            try:
                report = self.add(staged.paths, cb, folders=False) if staged.paths else None
            finally:
                shutil.rmtree(staged.folder, ignore_errors=True)
        return staged, report

    def correct(self, doc_id: str, fields: dict[str, str]) -> tuple[dict[str, str], str]:
        """Correct a document's metadata (title, issuer, region, date, years).

        The changed fields go to the sidecar manifest of the folder the document was
        indexed from, so ``policyqa index`` of that folder keeps them; the document is
        parsed again with them and replaces itself in the index (nothing is embedded
        again). A document without a folder (uploaded) is corrected in the index only.

        Returns:
            The fields changed (none: nothing was written) and the manifest written ("").

        Raises:
            IndexNotFoundError: no such document. MetadataError: a value is not valid.
            SidecarError, OutputError: the manifest cannot be read or written.
        """
        from corpus.sidecar import clean_correction, save_fields
        from index.build import replace_documents

        with self._lock:
            doc = self.documents.get(doc_id)
            if doc is None:
                raise IndexNotFoundError(f"not in the index: {doc_id}")
            changed = changed_fields(doc, clean_correction(fields))
            if not changed:
                return {}, ""
            folder = writable_folder(doc)
            if folder is None:
                where, overrides = "", {**current_fields(doc), **changed}
            else:
                path, overrides = save_fields(folder, doc_id, changed)
                where = str(path)
            new = corrected_document(doc, overrides)
            replace_documents(
                [new], self.index_dir, self._embedder(), backend=self.backend, config=_one_save()
            )
            self.reload()
        return changed, where

    def remove(self, doc_ids: list[str]) -> BuildReport:
        from index.build import remove_documents

        with self._lock:
            report = remove_documents(
                doc_ids, self.index_dir, self._embedder(), backend=self.backend, config=_one_save()
            )
            self.reload()
        return report

    def log(self, action: str, user: str | None, result: str, **details: Any) -> None:
        """Append one change (who, when, what, with what result) to the changes log."""
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "user": user,
            "action": action,
            "result": result,
            **details,
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        path = changes_log_path(self.index_dir)
        with self._log_lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.write(line)

    # -- views ---------------------------------------------------------------------------

    def rows(self) -> list[list[Any]]:
        """One row per document, its title first and its id last (``LIBRARY_HEADERS``)."""
        self.refresh_if_changed()
        qa = self.qa
        if qa is None:
            return []
        rows = qa.index.doc_rows
        docs = sorted(qa.documents.values(), key=lambda d: (d.title or d.doc_id, d.doc_id))
        return [
            [
                d.title,
                d.issuer,
                d.region,
                d.date,
                "、".join(str(y) for y in d.years),
                len(rows.get(d.doc_id, ())),
                d.doc_id,
            ]
            for d in docs
        ]

    def status(self) -> str:
        qa = self.qa
        if qa is None:
            return render.notice(self.hint(), "warn")
        n_pass = sum(len(r) for r in qa.index.doc_rows.values())
        return render.notice(messages.STATUS.format(docs=len(qa.documents), passages=n_pass))

"""Every error policyqa raises on purpose.

The library raises these; only the CLI and the web UI turn them into messages
for people. Each carries a message that already says what went wrong and,
where possible, what to do about it.
"""

from __future__ import annotations


class PolicyQAError(Exception):
    """Base class of all policyqa errors."""


class DocumentError(PolicyQAError):
    """A single document cannot be read or parsed.

    Attributes:
        path: the file that failed.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class UnsupportedFormatError(DocumentError):
    """The file type is not one policyqa reads."""


class EmptyDocumentError(DocumentError):
    """The file holds no text (empty, or a scanned PDF without a text layer)."""


class EncodingError(DocumentError):
    """The bytes are binary or in no encoding policyqa recognises."""


class NotARegularFileError(DocumentError):
    """A named pipe, device or socket: skipped without ever being opened (it could block)."""


class SidecarError(DocumentError):
    """A folder's metadata manifest (manifest.tsv/.csv/.jsonl) is malformed; names file and line."""


class MetadataError(PolicyQAError):
    """A correction of a document's metadata is not valid (nothing was saved).

    Attributes:
        field: the field at fault ("title", "issuer", "region", "date" or "years").
        value: the value given.
    """

    def __init__(self, field: str, value: str, message: str) -> None:
        super().__init__(f"{field} {value!r}: {message}")
        self.field = field
        self.value = value


class IndexError_(PolicyQAError):
    """Base for index problems (named with a trailing underscore to keep the builtin)."""


class IndexNotFoundError(IndexError_):
    """No index exists at the given folder."""


class NotAnIndexError(IndexError_):
    """The index folder given holds something that is not a policyqa index (never replaced)."""


class EmptyCorpusError(IndexError_):
    """A build would replace an index holding documents with an empty one."""


class IndexFormatError(IndexError_):
    """The index folder is incomplete, corrupt, or of another format version."""


class ModelMismatchError(IndexError_):
    """The index was built with another embedding model than the one configured."""


class ModelLoadError(PolicyQAError):
    """The embedding model cannot be found or loaded."""


class OnnxExportError(ModelLoadError):
    """The model could not be exported to ONNX, or the export does not match torch."""


class QueryError(PolicyQAError):
    """The question is empty, too long, or otherwise unusable."""


class InvalidTextError(QueryError):
    """The question holds bytes that are not UTF-8 or a lone surrogate (not text at all)."""


class EmptyQuestionError(QueryError):
    """The question is empty or only blanks."""


class QuestionTooLongError(QueryError):
    """The question is longer than the limit.

    Attributes:
        length: its length in characters (blanks folded).
        limit: the most characters a question may have.
    """

    def __init__(self, message: str, length: int = 0, limit: int = 0) -> None:
        super().__init__(message)
        self.length = length
        self.limit = limit


class FilterError(QueryError):
    """The filters of a question keep no passage: the message and attributes say why.

    Attributes:
        unknown_docs: document ids not in the library.
        regions: regions no document has.
        years: years no passage speaks of.
        (all empty: each part matches something, but not together)
    """

    def __init__(
        self,
        message: str,
        *,
        unknown_docs: tuple[str, ...] = (),
        regions: tuple[str, ...] = (),
        years: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message)
        self.unknown_docs = unknown_docs
        self.regions = regions
        self.years = years


class GoldFormatError(PolicyQAError):
    """A gold file line is malformed; the message names the line."""


class ConfigError(PolicyQAError):
    """A setting has an invalid value."""


class PortInUseError(ConfigError):
    """``serve`` cannot listen: another program holds the address and port."""


class BackendError(PolicyQAError):
    """The search backend (a Milvus server or Milvus Lite folder) cannot be reached,
    is busy, or refused an operation; the folder index is left as it was."""


class OptionalDependencyError(PolicyQAError):
    """A feature needs a package that is not installed (e.g. openpyxl for .xlsx)."""


class OutputError(PolicyQAError):
    """A result file cannot be written (folder missing, no permission, disk full)."""


class PolicyQAWarning(UserWarning):
    """Something was wrong but the work went on (issued with :func:`warnings.warn`)."""


class CacheWarning(PolicyQAWarning):
    """The embedding cache is unusable or holds bad entries; they are embedded again."""


class EmbedderWarning(PolicyQAWarning):
    """The ONNX Runtime embedder cannot be used (export failed or does not match torch);
    texts are embedded with torch instead, into the same vectors."""


class EvalQuestionWarning(PolicyQAWarning):
    """Answering some gold questions failed unexpectedly (a bug); they are scored as wrong,
    their records say why, and the evaluation went on."""


class AccessError(PolicyQAError):
    """A change to the library that this server does not allow (read-only mode, too large)."""


class InsecureServeError(ConfigError):
    """The web UI would be reachable from other machines without a login."""

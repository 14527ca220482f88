"""The ``policyqa`` command line. Heavy imports are inside commands so --help is instant."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from corpus.version import VERSION
from ui.backend_opts import backend_of, backend_options

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def _index_dir(value: str | None) -> Path:
    from index.store import default_index_dir

    return Path(value) if value else default_index_dir()


def _quiet_libraries() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    _show_policyqa_warnings()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    logging.getLogger("transformers").setLevel(logging.ERROR)
    # Milvus's own tracebacks (a Lite folder another process holds): policyqa's line says it.
    logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)
    logging.getLogger("pymilvus").setLevel(logging.CRITICAL)


def _show_policyqa_warnings() -> None:
    """policyqa's own warnings (the work went on) print as one Chinese line each."""
    import warnings

    from corpus.errors import PolicyQAWarning
    from ui.messages import warning_line

    default = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
        if isinstance(message, PolicyQAWarning):
            click.echo(warning_line(message), err=True)
        else:
            default(message, category, *args, **kw)

    warnings.filterwarnings("default", category=PolicyQAWarning)
    warnings.showwarning = show


class _Errors(click.Group):
    """Turn policyqa's own errors into one clear line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from corpus.errors import PolicyQAError
        from ui.messages import error_line

        try:
            return super().invoke(ctx)
        except PolicyQAError as exc:
            click.echo(error_line(exc), err=True)
            sys.exit(2)


@click.group(cls=_Errors)
@click.version_option(VERSION, prog_name="policyqa")
def main() -> None:
    """policyqa: quoted answers from Chinese policy documents (政策文件问答).

    \b
    policyqa index                      # index the sample corpus
    policyqa ask "余杭2023年新增高企多少"
    policyqa docs                       # the indexed documents and their ids
    policyqa serve                      # web UI on http://127.0.0.1:7860
    """
    _quiet_libraries()


def _progress_bar() -> Any:
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None or done < bar.n:  # a stage run again (OCR: per document) gets a new bar
            bar = bars[stage] = tqdm(
                total=total, desc=stage, unit="", file=sys.stderr, leave=False, disable=None
            )
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _print_answer(answer: Any) -> None:
    from ui.messages import page_label

    if answer.found:
        click.secho(f"答：{answer.answer}", bold=True)
    else:
        click.secho(answer.message or "文档中未找到答案。", fg="yellow")
    if answer.message and answer.found:
        click.echo(answer.message)
    for c in answer.citations:
        click.echo(f"  「{c.quote}」")
        section = f" {c.section}" if c.section else ""
        by = "，".join(x for x in (c.issuer, c.date) if x)
        by = f"（{by}）" if by else ""
        page = f" {page_label(c.page)}" if c.page else ""
        click.echo(f"    ——《{c.title}》{by}{section}{page} [{c.doc_id}:{c.start}-{c.end}]")
    if answer.related:
        click.echo("  相关内容（不是答案）：")
        for c in answer.related:
            click.echo(f"  「{c.quote}」 ——《{c.title}》 {c.section} {page_label(c.page)}".rstrip())


def _filters(region: tuple[str, ...], year: tuple[int, ...], doc: tuple[str, ...]) -> Any:
    from retrieval.model import Filters

    f = Filters(tuple(region), tuple(year), tuple(doc))
    return None if f.is_empty() else f


@main.command()
@click.argument("question")
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record per question.")
@click.option("--region", multiple=True, help="Only documents of this region (repeatable).")
@click.option("--year", type=int, multiple=True, help="Only sections about this year (repeatable).")
@click.option(
    "--doc", multiple=True, help="Only this document id (repeatable; `policyqa docs` lists them)."
)
@click.option(
    "--mode", type=click.Choice(["hybrid", "bm25", "dense"]), default="hybrid", show_default=True
)
@backend_options
def ask(
    question: str,
    index_dir: str | None,
    as_json: bool,
    region: tuple[str, ...],
    year: tuple[int, ...],
    doc: tuple[str, ...],
    mode: str,
    backend: str | None,
    milvus_uri: str | None,
) -> None:
    """Answer a question by quoting the documents.

    Use "-" to read one question per line from stdin (with --json, one JSON
    record per line comes out). A line that cannot be asked (not UTF-8, too
    long) gets an error line and the others are answered; the exit code is
    then 2.

    \b
    Example:
      policyqa ask "余杭2023年新增高企多少"
      policyqa ask "临安2022年研发投入强度目标" --json
      printf '余杭2023年新增高企多少\\n富阳2023年新增科小多少\\n' | policyqa ask - --json
      policyqa ask "余杭2023年新增高企多少" --backend milvus --milvus-uri milvus-data
    """
    from answer.pipeline import QA

    qa = QA(_index_dir(index_dir), backend=backend_of(backend, milvus_uri))
    if qa.index.dense_pending and not as_json:
        from ui.messages import BM25_ONLY

        click.echo(BM25_ONLY, err=True)
    filters = _filters(region, year, doc)
    if filters is not None and not as_json:
        from ui.messages import FILTERS_ACTIVE
        from ui.plain import filters_line

        titles = {k: d.title for k, d in qa.documents.items()}
        click.echo(f"{FILTERS_ACTIVE}{filters_line(filters, titles)}", err=True)
    if question != "-":
        _print(qa.ask(question, filters=filters, mode=mode), as_json)
        return
    failed = 0
    for n, line in _stdin_lines():
        failed += not _ask_line(qa, n, line, filters, mode, as_json)
    if failed:
        sys.exit(2)


def _stdin_lines() -> list[tuple[int, str]]:
    """(line number, text) of the non-blank stdin lines, read as bytes so that one
    line of invalid UTF-8 (kept as surrogate escapes, refused by ``ask``) spoils no other."""
    data = sys.stdin.buffer.read()
    lines = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff").splitlines()
    return [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip()]


def _ask_line(qa: Any, n: int, q: str, filters: Any, mode: str, as_json: bool) -> bool:
    """Answer one stdin line; a bad one prints its error (stderr, and a record with --json)."""
    from corpus.errors import QueryError
    from corpus.normalize import shown
    from ui.messages import describe, error_line

    try:
        answer = qa.ask(q, filters=filters, mode=mode)
    except QueryError as exc:
        click.echo(f"{error_line(exc)}（标准输入第 {n} 行 stdin line {n}）", err=True)
        if as_json:
            record = {"question": shown(q), "line": n, "error": describe(exc)}
            click.echo(json.dumps(record, ensure_ascii=False))
        return False
    _print(answer, as_json)
    return True


def _print(answer: Any, as_json: bool) -> None:
    if as_json:
        click.echo(answer.to_json())
    else:
        _print_answer(answer)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the full results as JSON here.",
)
@click.option(
    "--report",
    "report_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a Markdown report here.",
)
@click.option("--ablation", is_flag=True, help="Also measure BM25-only and dense-only retrieval.")
@backend_options
def eval_(
    gold: Path,
    index_dir: str | None,
    json_out: Path | None,
    report_out: Path | None,
    ablation: bool,
    backend: str | None,
    milvus_uri: str | None,
) -> None:
    """Measure answer accuracy and retrieval against a gold JSONL file.

    Exits non-zero when the gold file is invalid, never for low scores.

    \b
    Example:
      policyqa eval ../shared/gold/dev.jsonl --json out.json --report report.md
      policyqa eval ../shared/gold/dev.jsonl --backend milvus --milvus-uri milvus-data
    """
    from answer.pipeline import QA
    from evals.report import render_markdown
    from evals.run import run_eval, summary_lines

    qa = QA(_index_dir(index_dir), backend=backend_of(backend, milvus_uri))
    qa.warm()  # (many questions: what the first few would wait for, parsed now)
    results = run_eval(gold, qa, ablation=ablation, progress=_progress_bar())
    for line in summary_lines(results):
        click.echo(line)
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    if report_out:
        report_out.parent.mkdir(parents=True, exist_ok=True)
        report_out.write_text(render_markdown(results), encoding="utf-8")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535))
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option(
    "--auth",
    "auth_pairs",
    multiple=True,
    metavar="USER:PASS",
    help="A login (repeatable). Also $POLICYQA_AUTH: USER:PASS pairs separated by commas.",
)
@click.option(
    "--auth-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    envvar="POLICYQA_AUTH_FILE",
    help="Logins with hashed passwords, one `policyqa passwd` line each ($POLICYQA_AUTH_FILE).",
)
@click.option("--read-only", is_flag=True, help="No upload, removal or sample import.")
@click.option("--insecure", is_flag=True, help="Allow a non-loopback --host without any login.")
@click.option(
    "--max-upload-mb",
    default=50.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Largest file accepted by upload.",
)
@backend_options
def serve(
    host: str,
    port: int,
    index_dir: str | None,
    auth_pairs: tuple[str, ...],
    auth_file: Path | None,
    read_only: bool,
    insecure: bool,
    max_upload_mb: float,
    backend: str | None,
    milvus_uri: str | None,
) -> None:
    """Start the web UI (chat with citations, library, evaluation).

    Anything but 127.0.0.1/localhost needs a login (--auth, --auth-file or
    $POLICYQA_AUTH) unless --insecure. Every change to the library is logged
    to <index>.changes.jsonl beside the index folder; an index rebuilt by
    `policyqa index` while the server runs is picked up by the next request.
    A port already in use is a clear error (exit code 2) before anything loads.

    \b
    Example:
      policyqa serve --port 7860
      policyqa serve --host 0.0.0.0 --auth alice:s3cret --auth bob:pa55
      policyqa passwd alice >> users.txt
      policyqa serve --host 0.0.0.0 --auth-file users.txt --max-upload-mb 20
      POLICYQA_AUTH=alice:s3cret policyqa serve --host 0.0.0.0 --read-only
      policyqa serve --backend milvus --milvus-uri http://milvus:19530
    """
    from ui.auth import load_users
    from ui.ports import listen_failure
    from ui.settings import ServeConfig
    from ui.web import launch

    users = load_users(auth_pairs, auth_file)
    config = ServeConfig(
        host=host,
        port=port,
        users=users,
        read_only=read_only,
        insecure=insecure,
        max_upload_mb=max_upload_mb,
        backend=backend_of(backend, milvus_uri),
    )
    try:
        launch(_index_dir(index_dir), config)
    except OSError as exc:  # taken between the check and the start
        raise listen_failure(host, port, exc) from None


def _register() -> None:
    """Commands kept in their own modules (cli.py stays small)."""
    from ui.docs_cmd import docs
    from ui.index_cmd import index
    from ui.indicators_cmd import indicators
    from ui.inspect_cmd import inspect
    from ui.passwd_cmd import passwd

    for command in (index, indicators, docs, passwd, inspect):
        main.add_command(command)


_register()

"""The “问答” tab: question box, filters, the conversation; the API endpoints /ask and /ask_json.

On the page a problem with a question (empty, too long, …) is answered in the
conversation itself, never with a toast; API clients get an error.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import InvalidTextError, PolicyQAError
from retrieval.query import clean_question
from ui import messages as m
from ui import render
from ui.export import conversation_markdown, write_conversation_docx
from ui.hints import latin_words, place_suggestion
from ui.plain import Reply, filters_line, reply_of
from ui.shared import Strs, choices, error_html, filters_of, friendly

if TYPE_CHECKING:
    from answer.model import Answer
    from corpus.model import Document
    from ui.library import Library

# Questions the sample corpus answers right today, one of each kind (checked with the real
# model by tests/ui/test_examples.py).
EXAMPLES = [
    "余杭2023年新增高企多少",
    "临安2022年研发投入强度目标",
    "哪份文件提出新增科技中小企业3000家",
    "瓯海下半年高新技术产业增加值要达到多少",
    "余杭2021年和2023年新增高企各多少",
    "杭州2024年新增高新技术企业目标多少家",
]
Msgs = list[dict[str, str]]
Docs = Mapping[str, "Document"]


def check_text(*texts: Any) -> None:
    """Text from the API that UTF-8 cannot carry (a lone surrogate) is refused, not echoed.

    Raises:
        InvalidTextError: the question or a filter holds such a character.
    """
    for text in texts:
        try:
            str(text).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidTextError(
                f"the question or a filter holds a lone surrogate at {exc.start}"
            ) from exc


def _multi(choices_: list[Any], label: str, elem_id: str) -> gr.Dropdown:
    return gr.Dropdown(
        choices_, value=[], multiselect=True, allow_custom_value=True, label=label, elem_id=elem_id
    )


class Chat:
    """The handlers of the tab, over the shared library."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib

    def answer(self, question: str, regions: Strs, years: Strs, docs: Strs) -> tuple[Answer, Docs]:
        """The answer and the documents it cites (policyqa's errors propagate)."""
        check_text(question or "", *(regions or ()), *(docs or ()))
        qa = self.lib.require()
        return qa.ask(question or "", filters=filters_of(regions, years, docs)), qa.documents

    def reply(self, question: str, regions: Strs, years: Strs, docs: Strs) -> tuple[str, Reply]:
        """The assistant message (HTML) under the filters chosen, and its words
        (policyqa's errors propagate)."""
        answer, documents = self.answer(question, regions, years, docs)
        filters = filters_of(regions, years, docs)
        line = filters_line(filters, {k: d.title for k, d in documents.items()})
        html = render.answer_html(
            answer,
            documents,
            filters,
            english=bool(latin_words(question)),
            suggestion=place_suggestion(
                question,
                {d.region for d in documents.values()},
                lambda run: any(run in d.norm for d in documents.values()),
            ),
        )
        return html, reply_of(answer, line)

    def ask(
        self, question: str, regions: Strs = None, years: Strs = None, docs: Strs = None
    ) -> Msgs:
        """Answer a question; returns the user and assistant chat messages (HTML)."""
        with friendly():
            reply = self.reply(question, regions, years, docs)[0]
        return [
            {"role": "user", "content": render.esc(question)},
            {"role": "assistant", "content": reply},
        ]

    def ask_json(
        self, question: str, regions: Strs = None, years: Strs = None, docs: Strs = None
    ) -> dict:
        """Answer a question; returns the Answer as a dict (see answer.model.Answer)."""
        with friendly():
            return self.answer(question, regions, years, docs)[0].to_dict()

    def echo(self, question: str, history: Any) -> tuple[Any, ...]:
        """At once (no queue): the question in the conversation with a spinner under it,
        the box emptied and locked until the answer is in (no second question can
        overtake the first). A question that cannot be asked (empty, too long) is said
        at once instead, and nothing is asked."""
        history = list(history or [])
        try:
            check_text(question or "")
            clean_question(question)
        except PolicyQAError as exc:
            said = {"role": "assistant", "content": error_html(exc)}
            return [*history, said], gr.Textbox(interactive=True), "", gr.Button(interactive=True)
        user = {"role": "user", "content": render.question_html(question)}
        pending = {"role": "assistant", "content": render.pending_html()}
        box = gr.Textbox(value="", interactive=False)
        return [*history, user, pending], box, question, gr.Button(interactive=False)

    def on_page(
        self, asked: str, regions: Strs, years: Strs, docs: Strs, history: Any, turns: Any
    ) -> tuple[Any, ...]:
        """The page's answer to the question echoed last: its reply takes the spinner's
        place (an error is a reply too); the box is unlocked; the turns so far."""
        unlocked = gr.Textbox(interactive=True), gr.Button(interactive=True)
        if not asked:
            return gr.Chatbot(), turns, *unlocked
        try:
            html, words = self.reply(asked, regions, years, docs)
        except PolicyQAError as exc:
            html, words = error_html(exc), Reply(asked, problem=m.describe(exc))
        history = list(history or [])
        if history and history[-1].get("role") == "assistant":
            history = history[:-1]  # the spinner
        new = [*history, {"role": "assistant", "content": html}]
        return new, [*(turns or []), words], *unlocked


def export(turns: list[Reply] | None, folder: str | None) -> tuple[Any, Any, str | None]:
    """The conversation as Markdown and Word files for the two download buttons
    (rewritten after every answer, in one folder per page)."""
    if not turns:
        return gr.DownloadButton(value=None), gr.DownloadButton(value=None), folder
    folder = folder or tempfile.mkdtemp(prefix="policyqa-export-")
    when = time.strftime("%Y-%m-%d %H:%M")
    md = Path(folder) / f"{m.EXPORT_FILE}.md"
    md.write_text(conversation_markdown(turns, when), encoding="utf-8")
    doc = Path(folder) / f"{m.EXPORT_FILE}.docx"
    write_conversation_docx(turns, doc, when)
    return gr.DownloadButton(value=str(md)), gr.DownloadButton(value=str(doc)), folder


def _conversation() -> dict[str, Any]:
    """The chatbot, the question box and its button, the examples, the export buttons."""
    c: dict[str, Any] = {}
    c["chatbot"] = gr.Chatbot(
        label=m.CHAT_LABEL,
        show_label=False,
        elem_id="pq-chat",
        height=560,
        render_markdown=False,
        latex_delimiters=[],
        autoscroll=False,  # page.js brings the new question and answer into view
        buttons=[],
        feedback_options=None,
    )
    with gr.Row():
        c["question"] = gr.Textbox(
            label=m.QUESTION_LABEL,
            placeholder=m.QUESTION_PLACEHOLDER,
            show_label=False,
            scale=5,
            elem_id="pq-question",
            max_lines=3,
        )
        c["send"] = gr.Button(m.ASK, variant="primary", scale=1, elem_id="pq-send")
    gr.Examples(EXAMPLES, inputs=[c["question"]], label=m.EXAMPLES_LABEL)
    with gr.Row():
        c["md"] = gr.DownloadButton(m.EXPORT_MD, value=None, size="sm", elem_id="pq-export-md")
        c["docx"] = gr.DownloadButton(
            m.EXPORT_DOCX, value=None, size="sm", elem_id="pq-export-docx"
        )
    return c


def _wire(chat: Chat, c: dict[str, Any], filters: list[Any]) -> None:
    """Ask: echo at once (no queue), then the answer, then the export files."""
    chatbot, question, send = c["chatbot"], c["question"], c["send"]
    turns, folder, asked = gr.State([]), gr.State(None), gr.State("")
    files = [c["md"], c["docx"], folder]
    private: dict[str, Any] = {"api_visibility": "private"}
    gr.on(
        [send.click, question.submit],
        chat.echo,
        [question, chatbot],
        [chatbot, question, asked, send],
        queue=False,
        show_progress="hidden",
        **private,
    ).then(
        chat.on_page,
        [asked, *filters, chatbot, turns],
        [chatbot, turns, question, send],
        show_progress="hidden",
        **private,
    ).then(export, [turns, folder], files, show_progress="hidden", **private)
    chatbot.clear(lambda: [], None, turns, **private).then(
        export, [turns, folder], files, **private
    )


def chat_tab(lib: Library) -> tuple[Any, ...]:
    """The chat: question box, filters, chatbot; registers /ask and /ask_json.

    Returns the three filter menus (they follow the library).
    """
    chat = Chat(lib)
    r0, y0, t0 = choices(lib.documents)
    with gr.Row():
        with gr.Column(scale=3):
            c = _conversation()
        with gr.Column(scale=1):
            gr.Markdown(m.FILTERS_HEAD)
            regions = _multi(r0, m.FILTER_REGION, "pq-regions")
            years = _multi(y0, m.FILTER_YEAR, "pq-years")
            docs = _multi(t0, m.FILTER_DOC, "pq-docs")
    _wire(chat, c, [regions, years, docs])
    gr.api(chat.ask, api_name="ask")
    gr.api(chat.ask_json, api_name="ask_json")
    return regions, years, docs

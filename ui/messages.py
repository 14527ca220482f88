"""Every word the CLI and the web UI show people, in Chinese, in one place.

Errors and warnings: the library raises :mod:`corpus.errors` with a precise
English detail (file, line, value, what to do); only here is it put into
words for staff: a Chinese lead saying what kind of problem it is, then that
detail as a gloss. The most specific class in the exception's MRO that has a
lead wins; a few kinds whose attributes say everything are a whole Chinese
sentence (:data:`_SENTENCES`).

The rest are the labels, buttons, notices and table heads of the web page,
grouped by screen. The page is Chinese throughout; an English word appears
only as a technical name (MRR, Recall@5, CSV) or inside document text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus import errors as e
from corpus.normalize import shown

_LEADS: dict[type[BaseException], str] = {
    e.InvalidTextError: "问题不是有效的文字（含非 UTF-8 字节或孤立代理码位），请重新输入",
    e.QueryError: "问题无法处理",
    e.GoldFormatError: "金标准文件有误",
    e.SidecarError: "元数据清单文件有误",
    e.NotARegularFileError: "不是普通文件，未打开",
    e.EncodingError: "无法识别文件编码",
    e.EmptyDocumentError: "文档没有文字",
    e.UnsupportedFormatError: "不支持的文件类型",
    e.DocumentError: "文档无法读取",
    e.NotAnIndexError: "该位置不是 policyqa 索引，未作任何改动",
    e.EmptyCorpusError: "没有读到任何文档，索引未被清空",
    e.IndexNotFoundError: "找不到索引",
    e.IndexFormatError: "索引不完整、已损坏或版本不符",
    e.ModelMismatchError: "索引使用的向量模型与当前设置不同",
    e.IndexError_: "索引出错",
    e.ModelLoadError: "无法加载向量模型",
    e.BackendError: "检索后端（Milvus）不可用或操作失败",
    e.PortInUseError: "端口已被占用，无法启动网页服务",
    e.ConfigError: "设置有误",
    e.OptionalDependencyError: "缺少可选组件，请先安装",
    e.OutputError: "无法写出结果文件",
    e.AccessError: "不允许的操作",
    e.CacheWarning: "嵌入缓存不可用或有坏条目，相关文本将重新向量化",
    e.EmbedderWarning: "ONNX 加速不可用，改用 PyTorch 计算向量（结果相同，速度较慢）",
    e.EvalQuestionWarning: "部分问题回答时出现内部错误，已记为答错（详见各题记录的 why），评测继续",
    e.PolicyQAWarning: "注意",
    e.PolicyQAError: "操作未完成",
}


def _too_long(exc: BaseException) -> str:
    n, limit = getattr(exc, "length", 0), getattr(exc, "limit", 0)
    return f"问题太长（{n} 字），请精简到 {limit} 字以内再问。"


def _empty_filters(exc: BaseException) -> str:
    unknown = getattr(exc, "unknown_docs", ())
    regions, years = getattr(exc, "regions", ()), getattr(exc, "years", ())
    parts = [
        f"文档库中没有文件编号 {'、'.join(unknown)}（可用 policyqa docs 或“文档库”页查看）"
        if unknown
        else "",
        f"没有地区为“{'、'.join(regions)}”的文档" if regions else "",
        f"没有文档谈到 {'、'.join(map(str, years))} 年" if years else "",
    ]
    said = "；".join(p for p in parts if p) or "这几项筛选条件合在一起没有匹配的内容"
    return f"按所选筛选条件找不到任何内容：{said}。请放宽或取消筛选后再问。"


_BAD_FIELD = {
    "title": "标题不能为空。",
    "region": "地区“{value}”请用中文写区县或城市的名称，如 余杭区、杭州市。",
    "date": "日期“{value}”的写法不对：请写成 2024、2024-03 或 2024-03-12。",
    "years": "年份“{value}”的写法不对：请写四位数的年份，用逗号分开，如 2023,2024。",
}


def _bad_field(exc: BaseException) -> str:
    said = _BAD_FIELD.get(getattr(exc, "field", ""), "填写的内容无效：{value}")
    return "未保存更正：" + said.format(value=getattr(exc, "value", ""))


_SENTENCES: dict[type[BaseException], Callable[[BaseException], str]] = {
    e.MetadataError: _bad_field,
    e.EmptyQuestionError: lambda exc: "问题是空的：请先输入问题，例如“余杭2023年新增高企多少”。",
    e.QuestionTooLongError: _too_long,
    e.FilterError: _empty_filters,
}


def _lead(exc: BaseException) -> str:
    return next((_LEADS[c] for c in type(exc).__mro__ if c in _LEADS), "出错了")


def describe(exc: BaseException) -> str:
    """One line: the Chinese lead of ``exc``'s kind, then its detail (or a whole sentence)."""
    whole = next((_SENTENCES[c] for c in type(exc).__mro__ if c in _SENTENCES), None)
    if whole is not None:
        return whole(exc)
    lead = _lead(exc)
    detail = shown(" ".join(str(exc).split()))
    return f"{lead}：{detail}" if detail else lead


def split_message(exc: BaseException) -> tuple[str, str]:
    """(what a person reads, the English detail as a gloss) for the web page."""
    whole = next((_SENTENCES[c] for c in type(exc).__mro__ if c in _SENTENCES), None)
    if whole is not None:
        return whole(exc), ""
    return _lead(exc), shown(" ".join(str(exc).split()))


def error_line(exc: BaseException) -> str:
    """The CLI's line for an error that stopped (part of) the work."""
    return f"错误 error: {describe(exc)}"


def warning_line(warning: Warning) -> str:
    """The CLI's line for a policyqa warning (the work went on)."""
    return f"警告 warning: {describe(warning)}"


def page_label(page: int | None) -> str:
    """How a citation names its page ("第3页"); "" for a document without pages."""
    return f"第{page}页" if page else ""


def skipped_reason(kind: str) -> str:
    """The Chinese lead of a skipped file's problem (``index.reading.Skipped.kind``)."""
    cls = getattr(e, kind, None) if kind else None
    if isinstance(cls, type) and issubclass(cls, BaseException) and cls in _LEADS:
        return _LEADS[cls]
    return _LEADS[e.DocumentError]


# -- the page ----------------------------------------------------------------------------

TITLE = "policyqa 政策文件问答"
INTRO = "## policyqa 政策文件问答\n答案均摘自文档原文，并附出处；文档中没有的，会明确说“未找到”。"
ERROR_TITLE = "出错了"
TAB_CHAT, TAB_INDICATORS, TAB_LIBRARY, TAB_EVAL = "问答", "指标", "文档库", "评测"
STATUS = "文档库：{docs} 份文档，{passages} 个段落。"

# -- chat --------------------------------------------------------------------------------

CHAT_LABEL = "对话"
QUESTION_LABEL = "问题"
QUESTION_PLACEHOLDER = "输入问题，例如：余杭2023年新增高企多少"
ASK = "提问"
EXAMPLES_LABEL = "示例问题（点击填入）"
FILTERS_HEAD = "**筛选**（只在这些范围内查找）"
FILTER_REGION, FILTER_YEAR, FILTER_DOC = "地区", "年份", "文件"
FILTERS_ACTIVE = "已按筛选条件查找："
BM25_ONLY = "提示：索引的向量尚未算完，本次只按关键词（BM25）检索（policyqa index 会完成它）。"
ANSWERING = "正在查找答案…"
ENGLISH_HINT = (
    "提示：文档都是中文，请尽量用中文提问，把英文词语换成文件里的说法（如“高新技术企业”）；"
    "下面是按原问题查找的结果。"
)
DID_YOU_MEAN = "您是不是要问："
ANSWER_LEAD = "答："
FROM = "出自"
NOT_FOUND = "文档中未找到答案。"
SOURCES = "出处（{n}）"
SOURCES_PLAIN = "出处："
RELATED = "相关内容（不是答案）"
NO_SECTION = "（无章节）"
SECTION = "章节："
IN_SECTION = "所在章节："
WHOLE_TEXT = "全文"
SHOW_CONTEXT = "查看原文上下文"
SOURCE_GONE = "原文已不在文档库中，只能显示引文。"
DOC_ID = "文件编号"
OPEN_DOC = "在全文中查看"
TAB_DOC = "全文"
TOC = "目录"
NO_HEADINGS = "（这份文件没有识别出章节标题）"
DOC_GONE = "这份文件已不在文档库中。"
PAGE_VIEW = "原页面（第{page}页）"
PAGE_NOT_MARKED = "未能在这一页上标出引文（扫描页的识别结果不在缓存中，或原文件已改动）。"
PAGE_NO_FILE = "原文件不在建索引时的位置（例如网页上传的文件），无法显示页面图像。"
PAGE_CANNOT_SHOW = "无法显示页面图像：原文件读不出来，或已不是建索引时的文件。"
DOC_PICK = "选择文件"
DOC_PICK_FIRST = "请从上面选择一份文件，或在问答的出处中点击“在全文中查看”。"
BACK_TO_CHAT = "返回问答"
VIEW_DOC = "查看选中文档的全文"
COPY = "复制"
COPY_TIP = "复制答案、引文、文件标题和章节（纯文本）"
COPIED = "已复制"
COPY_FAILED = "复制失败，请手动选择文字复制"
EXPORT_MD = "导出对话（Markdown）"
EXPORT_DOCX = "导出对话（Word）"
EXPORT_TITLE = "policyqa 对话记录"
EXPORT_FILE = "对话记录"

# Words the page's own script shows (ui/assets/page.js reads them as window.pqWords).
PAGE_WORDS = {
    "copy": COPY,
    "copied": COPIED,
    "copyFailed": COPY_FAILED,
    "toast": {"Error": ERROR_TITLE, "Warning": "注意", "Info": "提示", "Success": "完成"},
    # Gradio's progress line says these in English whatever the language.
    "status": {"processing": "处理中", "queue:": "排队："},
}

# Gradio's own words its Chinese translation lacks (it would show the key, "common.complete").
GRADIO_ZH = {
    "common.complete": "完成",
    "common.progress": "进度",
    "common.download_all": "全部下载",
    "chatbot.complete": "完成",
    "chatbot.copy_message": "复制消息",
    "chatbot.copied_message": "已复制",
    # read out to screen readers while a request waits ("In queue: 1 of 2")
    "status.queue_position": "排队中：第 {position} 位，共 {size} 位",
}

# -- library -----------------------------------------------------------------------------

LIBRARY_HEADERS = ["标题", "发文机关", "地区", "日期", "年份", "段落数", "文件编号"]
LIBRARY_LABEL = "已索引的文档（点击一行选中）"
LIBRARY_LABEL_RO = "已索引的文档"
UPLOAD_LABEL = (
    "上传文件（txt、docx、pdf、html、md、扫描图片 png/jpg/tif，可多选；每个不超过 {mb:g} MB）"
)
ADD = "加入文档库"
CHOSEN = "选中的文档"
CONFIRM_BOX = "确认删除（删除后需重新上传才能恢复）"
REMOVE = "删除选中的文档"
SAMPLES = "加入示例文档"
REFRESH = "重新读取文档库"
REFRESH_INFO = "命令行重建索引后，点此在表格中显示最新的文档（不会改动任何文档）。"
READ_ONLY = "只读模式：本服务不允许上传、删除、更正或加入文档。"
FIX_TITLE = "更正选中文档的信息（标题、发文机关、地区、日期、年份）"
FIX_HELP = (
    "在表格中点一行选中文档，改好后点“保存更正”。更正写进该文档所在文件夹的清单文件"
    "（manifest.tsv），以后重新建索引也会保留。年份用逗号分开，会与文中识别出的年份合并；"
    "日期写成 2024、2024-03 或 2024-03-12。"
)
FIELD_NAMES = {
    "title": "标题",
    "issuer": "发文机关",
    "region": "地区",
    "date": "日期",
    "years": "年份",
}
FIELD_LABELS = FIELD_NAMES
FIX_SAVE = "保存更正"
PICK_TO_FIX = "请先在表格中选中要更正的文档。"
NOTHING_TO_FIX = "没有改动：填写的内容与文档现在的信息相同。"
FIXED = "已更正 {doc} 的{fields}。"
FIXED_SAVED = "已写入该文件夹的清单文件，重新建索引（policyqa index）时会保留："
FIXED_INDEX_ONLY = (
    "这份文档是网页上传的，没有所在文件夹的清单文件，更正只保存在索引中："
    "如需在重新建索引后保留，请把文件放进语料文件夹，并在其 manifest.tsv 中写明。"
)
READ_ONLY_BANNER = "只读模式：文档库不能修改。"
CONFIRM = "请先勾选“确认删除”，再点击删除。"
PICK_FIRST = "请先选择要删除的文档。"
PICK_FILES = "请先选择要上传的文件。"
REMOVED = "已删除 {doc}。"
UNKNOWN_DOC = "文档库中没有 {doc}，没有删除任何文档。"
NOTHING_ADDED = "没有加入任何文件。"
ADDED = "已加入 {n} 份文件：{names}"
UNREADABLE = "{n} 份文件未能读取："
RENAMED = "文档库已有同名文档 {old}，未替换：新文件以 {new} 加入（两份都保留）。"
SAME = "{name} 与文档库中的同名文档内容相同，未重复加入。"
TOO_BIG = "{name} 超过上传大小上限，未加入。"
UNREAD = "{path} 第{pages}页未能识别出文字（{reason}）。"
SAMPLES_ADDED = "已加入示例文档；现有 {docs} 份文档，{passages} 个段落。"
NO_INDEX = "还没有可用的索引。请在“文档库”页上传文件，或点击“加入示例文档”。"
BAD_INDEX = "索引不可用：{problem}"
STAGES = {
    "read": "读取文件",
    "ocr": "识别扫描页 (OCR)",
    "tokenize": "分词",
    "embed": "向量化",
    "eval": "评测",
}

# -- evaluation --------------------------------------------------------------------------

GOLD_PICK = "金标准文件"
GOLD_HELP_TITLE = "金标准文件怎么写（格式说明与示例）"
GOLD_EXAMPLE = "下载示例金标准文件"
# The gold format explained (Markdown; ui/eval_tab.py adds lines of the example file).
GOLD_HELP = (Path(__file__).resolve().parent / "assets" / "gold_help.md").read_text("utf-8")
GOLD_UPLOAD = "或上传金标准文件（JSONL）"
GOLD_MISSING = "请选择或上传一个金标准 JSONL 文件。"
RUN_EVAL = "运行评测"
METRIC_HEADERS = ["指标", "值"]
METRICS_LABEL = "总体指标"
CHART_HEAD = "各题型答案准确率"
NO_TYPES = "没有按题型的结果。"
ALL_PASSED = "全部通过，没有失败的问题。"
FAILED_N = "未通过 {n} 题"
FAILURE_HEADS = ("编号", "题型", "问题", "期望答案", "实际回答", "原因")
RESULTS_LABEL = "逐题结果"
SHOW_WHICH = "显示"
SHOW_FAILED, SHOW_ALL = "只看未通过", "全部题目"
TYPE_ANY = "全部题型"
TYPE_LABEL = "题型"
SEARCH = "查找（问题、答案或原因中的文字）"
ROWS_SHOWN = "显示 {shown} 题，共 {total} 题（未通过 {failed} 题）"
RESULT_HEADS = ("编号", "题型", "问题", "期望答案", "实际回答", "结果", "原因", "引用的文件")
PASSED, FAILED = "通过", "未通过"
RESULTS_SHEET = "评测结果"
RESULTS_FILE = "评测结果"
DOWNLOAD_CSV = "下载结果（CSV）"
DOWNLOAD_XLSX = "下载结果（Excel）"
NO_OPENPYXL = (
    "导出 Excel 需要 openpyxl 组件，本机没有安装（安装：pip install 'policyqa[xlsx]'）。"
    "CSV 文件不需要它，也能用 Excel 打开。"
)
SHOULD_REFUSE = "（应拒答）"
REFUSED = "拒答：{msg}"
ERRORED = "错误：{msg}"
METRIC_LABELS = {
    "n": "题数",
    "n_skipped": "跳过",
    "answer_accuracy": "答案准确率",
    "refusal_recall": "拒答召回率",
    "false_refusal_rate": "误拒率",
    "citation_accuracy": "引用准确率",
    "recall_at_1": "首位命中率 Recall@1",
    "recall_at_5": "前五命中率 Recall@5",
    "mrr": "平均倒数排名 MRR",
    "latency_p50": "延迟中位数（毫秒）",
    "latency_p95": "延迟 95% 分位（毫秒）",
}
TYPE_NAMES = {
    "number": "数值",
    "target": "目标值",
    "which_doc": "哪份文件",
    "entity": "主体名称",
    "list": "列举",
    "compare": "比较",
    "unanswerable": "应拒答",
}
# evals.metrics.why_wrong and evals.run.judge word their reasons in English: by prefix.
_WHY = (
    ("refused an answerable question", "有答案却拒答了"),
    ("answered an unanswerable question", "应拒答却给出了答案"),
    ("answer lacks ", "答案缺少 "),
    ("cites other documents: ", "引用了其他文件："),
    ("answer does not say whose: lacks label ", "答案没有说明是谁的：缺少 "),
    ("query error: ", "问题无法处理："),
)


def type_name(kind: str) -> str:
    """A gold question type in Chinese ("which_doc" → "哪份文件")."""
    return TYPE_NAMES.get(kind, kind)


def why(reason: str) -> str:
    """A reason from the evaluation in Chinese (its quoted values kept)."""
    for english, chinese in _WHY:
        if reason.startswith(english):
            return chinese + reason[len(english) :]
    return reason

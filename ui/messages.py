"""policyqa's errors and warnings as one line of Chinese, for the CLI and the web UI.

The library raises :mod:`corpus.errors` with a precise English detail (file,
line, value, what to do); only here is it put into words for staff: a Chinese
lead saying what kind of problem it is, then that detail. The most specific
class in the exception's MRO that has a lead wins.
"""

from __future__ import annotations

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
    e.CacheWarning: "嵌入缓存不可用或有坏条目，相关文本将重新向量化",
    e.EmbedderWarning: "ONNX 加速不可用，改用 PyTorch 计算向量（结果相同，速度较慢）",
    e.PolicyQAWarning: "注意",
    e.PolicyQAError: "操作未完成",
}


def describe(exc: BaseException) -> str:
    """One line: the Chinese lead of ``exc``'s kind, then its detail."""
    lead = next((_LEADS[c] for c in type(exc).__mro__ if c in _LEADS), "出错了")
    detail = shown(" ".join(str(exc).split()))
    return f"{lead}：{detail}" if detail else lead


def error_line(exc: BaseException) -> str:
    """The CLI's line for an error that stopped (part of) the work."""
    return f"错误 error: {describe(exc)}"


def warning_line(warning: Warning) -> str:
    """The CLI's line for a policyqa warning (the work went on)."""
    return f"警告 warning: {describe(warning)}"


def page_label(page: int | None) -> str:
    """How a citation names its page ("第3页"); "" for a document without pages."""
    return f"第{page}页" if page else ""

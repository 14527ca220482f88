"""Answer stage: choose the clause that answers, quote it, cite it, or refuse."""

from answer.model import Answer, Citation
from answer.pipeline import QA

__all__ = ["QA", "Answer", "Citation"]

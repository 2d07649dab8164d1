"""What went wrong with one input, in one line that names the file (and the line of a batch)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from twingraph.errors import UserError

Severity = Literal["error", "warning", "skipped"]


@dataclass(frozen=True)
class InputProblem:
    """An input that failed (`error`), was read with a caveat (`warning`, the article still follows), or was
    left out on purpose (`skipped`: robots.txt forbids it), which is not a failure of the run."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class ArticleError(UserError):
    """One input cannot be read as an article; carries the problem so batches can report and go on."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def unexpected_problem(path: str, line: int | None, err: BaseException) -> InputProblem:
    """An error no reader expected (a missing module, a parser bug) as one line for this input alone."""
    detail = " ".join(str(err).split())[:200]
    return InputProblem(path, line, f"could not be read ({type(err).__name__}: {detail})")

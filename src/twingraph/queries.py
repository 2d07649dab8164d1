"""The analysts' SPARQL library: one question per `queries/NAME.rq`, with a comment header.

Header lines start with '#'. The first is the question; `# param: NAME - meaning` declares a parameter
bound as a plain literal; `# columns: ...` lists the result columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from twingraph.errors import UserError
from twingraph.resources import queries_dir


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    text: str
    description: str
    params: tuple[tuple[str, str], ...]  # (name, meaning)
    columns: str


def _parse_header(path: Path, text: str) -> LibraryQuery:
    description, columns = "", ""
    params: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        if body.lower().startswith("param:"):
            name, _, meaning = body[6:].strip().partition(" ")
            params.append((name.strip(), meaning.strip(" -–")))
        elif body.lower().startswith("columns:"):
            columns = body[8:].strip()
        elif not description and body:
            description = body
    return LibraryQuery(path.stem, path, text, description, tuple(params), columns)


def library() -> list[LibraryQuery]:
    return [_parse_header(p, p.read_text(encoding="utf-8")) for p in sorted(queries_dir().glob("*.rq"))]


def load_query(name_or_file: str) -> LibraryQuery:
    """A library query by name, or any .rq file by path."""
    candidate = Path(name_or_file)
    if candidate.suffix == ".rq" or candidate.exists():
        if not candidate.is_file():
            raise UserError(f"no query file {name_or_file}")
        try:
            return _parse_header(candidate, candidate.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise UserError(f"{name_or_file} is not a UTF-8 text file") from None
    path = queries_dir() / f"{name_or_file}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in library())
        raise UserError(f"unknown query '{name_or_file}'; known queries: {known}")
    return _parse_header(path, path.read_text(encoding="utf-8"))

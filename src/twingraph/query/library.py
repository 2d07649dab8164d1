"""The analysts' SPARQL library: one question per `queries/NAME.rq`, with a comment header.

Header lines start with '#'. The first is the question; `# param: NAME meaning` declares a parameter
bound as a plain literal (`# param: NAME (optional) meaning` for one that may be left out);
`# columns: ...` lists the result columns.

Parameters never enter the query text as strings a user typed: they reach every engine as a VALUES block
of escaped literals opening the query's outermost WHERE group (see `with_values`), so library queries use
parameters only there (in top-level FILTERs or triple patterns), never inside GRAPH blocks or sub-queries.
A parameter NAME also binds ?NAMEKey, when the query uses it, to its value in lower case, as `tg:lookupKey`
holds names: `?c tg:lookupKey ?cityKey` finds the city through the index, where a key computed in the
query (BIND(LCASE(?city))) would leave the engine comparing every key in the store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from twingraph.errors import UserError
from twingraph.resources import queries_dir


@dataclass(frozen=True)
class QueryParam:
    name: str
    meaning: str
    optional: bool = False


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    text: str
    description: str
    params: tuple[QueryParam, ...]
    columns: str

    def bind(self, values: Mapping[str, str]) -> dict[str, Literal]:
        """Check the user's NAME=VALUE pairs against the header and make them literals."""
        declared = {p.name for p in self.params}
        unknown = sorted(set(values) - declared)
        if unknown:
            known = ", ".join(sorted(declared)) or "none"
            raise UserError(f"query '{self.name}' has no parameter '{unknown[0]}' (its parameters: {known})")
        missing = [p.name for p in self.params if not p.optional and p.name not in values]
        if missing:
            raise UserError(f"query '{self.name}' needs --param {missing[0]}=VALUE")
        bound = {name: Literal(value) for name, value in values.items()}
        for name, value in values.items():
            if re.search(rf"\?{name}Key\b", self.text):
                bound[f"{name}Key"] = Literal(value.lower())
        return bound


_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?P<optional>\(optional\))?\s*[-–:]?\s*(?P<meaning>.*)$")


def _parse_header(path: Path, text: str) -> LibraryQuery:
    description, columns = "", ""
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        if body.lower().startswith("param:"):
            match = _PARAM.match(body[6:].strip())
            if match:
                params.append(
                    QueryParam(match["name"], match["meaning"].strip(" -–"), optional=bool(match["optional"]))
                )
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


# Tokens that may contain a '{' or the word WHERE without being one: comments, strings, IRIs.
_TOKENS = re.compile(
    r'''(?P<skip>\#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!\'\'))*\'\'\''''
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)"""
    r"|(?P<where>\bWHERE\b)|(?P<brace>\{)",
    re.IGNORECASE,
)


def with_values(sparql: str, bindings: Mapping[str, Literal | NamedNode]) -> str:
    """The query with `VALUES (?a ?b) { (lit lit) }` opening its outermost WHERE group.

    How every engine gets parameters: the embedded store and endpoints alike, and a planner can start from
    the bound values. Literals are written in their escaped N-Triples form, so a value such as
    `x" } DROP ALL #` stays one harmless string.
    """
    if not bindings:
        return sparql
    tokens = [t for t in _TOKENS.finditer(sparql) if not t["skip"]]
    has_where = any(t["where"] for t in tokens)
    opening, after_where = None, not has_where  # without the keyword, the first '{' is the WHERE group
    for token in tokens:
        if token["where"]:
            after_where = True
        elif token["brace"] and after_where:
            opening = token.end()
            break
    if opening is None:
        raise UserError("cannot bind parameters: the query has no WHERE { } group")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(_checked_literal(value)) for value in bindings.values())
    return f"{sparql[:opening]}\n  VALUES ({names}) {{ ({values}) }}\n{sparql[opening:]}"


def _checked_literal(value: object) -> Literal | NamedNode:
    """Only RDF terms, whose N-Triples form escapes everything, may enter the VALUES block."""
    if not isinstance(value, Literal | NamedNode):
        raise TypeError(f"parameters are bound as RDF literals or IRIs, got {type(value).__name__}")
    return value


_POSITION = re.compile(r"error at (\d+):(\d+):\s*")


def check_syntax(query: LibraryQuery) -> None:
    """Parse the query locally, so a broken file is reported with its line and column, whatever the store."""
    from pyoxigraph import Store

    try:
        Store().query(query.text)
    except SyntaxError as err:
        message = str(err).splitlines()[0] if str(err) else "syntax error"
        where = _POSITION.search(message)
        if where:
            detail = message[where.end() :]
            detail = detail if len(detail) <= 100 else detail[:99] + "…"
            raise UserError(f"{query.path}: not valid SPARQL at line {where[1]}, column {where[2]}: {detail}") from None
        raise UserError(f"{query.path}: not valid SPARQL: {message}") from None
    except (OSError, RuntimeError, ValueError):
        return  # parsed; the empty store just could not run it

"""Files and folders -> articles: dispatch by kind (text, HTML, JSON Lines), metadata from sources.yaml,
and one `InputProblem` per input that cannot be read, so a batch always lands what it can."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from twingraph.errors import UserError
from twingraph.facts import Article
from twingraph.inputs.articles.assembly import Found, assemble
from twingraph.inputs.articles.decoding import MAX_ARTICLE_BYTES, UndecodableError, decode_text, size_problem
from twingraph.inputs.articles.html import NoArticleBodyError, looks_like_html, parse_html
from twingraph.inputs.articles.jsonl import read_jsonl
from twingraph.inputs.articles.plaintext import parse_text
from twingraph.inputs.articles.problems import ArticleError, InputProblem, unexpected_problem
from twingraph.inputs.articles.sources import SOURCES_FILE_NAME, SourceCatalog, SourceInfo, load_sources

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and article files inside folders (recursively, sorted, hidden ones skipped).

    Inside folders only known suffixes count (.txt .md .html .htm .jsonl ...); a file named explicitly is
    read whatever its suffix, sniffing HTML from its content.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = [
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        ]
        yield from sorted(found)


class _SourceLookup:
    """The explicit --sources catalog first, then a sources.yaml beside the article (read once per folder)."""

    def __init__(self, explicit: SourceCatalog | None) -> None:
        self.explicit = explicit
        self._beside: dict[Path, SourceCatalog | None] = {}
        self.problems: list[InputProblem] = []

    def __call__(self, article: Path) -> SourceInfo | None:
        if self.explicit is not None:
            info = self.explicit.lookup(article)
            if info is not None:
                return info
        folder = article.parent
        if folder not in self._beside:
            candidate = folder / SOURCES_FILE_NAME
            catalog = None
            if candidate.is_file():
                try:
                    catalog = load_sources(candidate)
                except UserError as err:
                    self.problems.append(InputProblem(str(candidate), None, f"ignored: {err}", "warning"))
            self._beside[folder] = catalog
        beside = self._beside[folder]
        return beside.lookup(article) if beside is not None else None


def _catalog(sources: SourceCatalog | Path | None) -> SourceCatalog | None:
    return load_sources(sources) if isinstance(sources, Path) else sources


def _read_file(path: Path, source: SourceInfo | None) -> tuple[Article, list[str]]:
    """One text or HTML file; raises ArticleError with the problem."""

    def problem(message: str) -> ArticleError:
        return ArticleError(InputProblem(str(path), None, message))

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise problem("no such file") from None
    too_large = size_problem(size, MAX_ARTICLE_BYTES)
    if too_large:
        raise problem(too_large)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise problem(f"cannot read: {err.strerror or err}") from None
    html_suffix = path.suffix.lower() in HTML_SUFFIXES
    try:
        decoded = decode_text(data, html=html_suffix or path.suffix.lower() not in TEXT_SUFFIXES)
    except UndecodableError as err:
        raise problem(str(err)) from None
    warnings = [decoded.warning] if decoded.warning else []
    if html_suffix or looks_like_html(decoded.text):
        try:
            page = parse_html(decoded.text, source.url if source else None)
        except NoArticleBodyError as err:
            raise problem(str(err)) from None
        found = Found(
            page.text,
            page.title,
            page.published,
            page.url,
            page.publisher,
            page_language=page.declared_language,
            license=page.license,
        )
    else:
        parsed = parse_text(decoded.text)
        if not parsed.text.strip():
            raise problem("no article text left after removing navigation and teasers")
        found = Found(parsed.text, parsed.title, parsed.published)
    article, more = assemble(found, fallback_key=path.name, path=str(path), source=source)
    return article, warnings + more


def read_article_file(path: Path, sources: SourceCatalog | Path | None = None) -> Article:
    """One text or HTML file as an article; raises ArticleError (a UserError) naming the file and problem."""
    if is_jsonl(path):
        raise UserError(f"{path}: a JSON Lines batch holds many articles; read it with read_inputs")
    lookup = _SourceLookup(_catalog(sources))
    article, _ = _read_file(path, lookup(path))
    return article


@dataclass(frozen=True)
class FileInput:
    """A text or HTML file not read yet, with its sources.yaml entry: reading (boilerplate removal) can then
    happen in the worker process that extracts it."""

    path: Path
    source: SourceInfo | None


def read_file_input(item: FileInput) -> list[Article | InputProblem]:
    """The warnings and the article of one file, or the one-line problem that stops it."""
    try:
        article, warnings = _read_file(item.path, item.source)
    except ArticleError as err:
        return [err.problem]
    except Exception as err:  # a broken install or a parser bug fails this input only, in one line
        return [unexpected_problem(str(item.path), None, err)]
    return [*(InputProblem(str(item.path), None, w, "warning") for w in warnings), article]


def plan_inputs(
    paths: Iterable[Path], sources: SourceCatalog | Path | None = None
) -> Iterator[Article | InputProblem | FileInput]:
    """The inputs in order, files left unread (`FileInput`); JSON Lines batches are read line by line here."""
    lookup = _SourceLookup(_catalog(sources))
    for path in iter_input_files(paths):
        if not path.exists():
            yield InputProblem(str(path), None, "no such file or folder")
            continue
        if is_jsonl(path):
            yield from read_jsonl(path)
            continue
        source = lookup(path)
        yield from lookup.problems
        lookup.problems.clear()
        yield FileInput(path, source)


def read_inputs(paths: Iterable[Path], sources: SourceCatalog | Path | None = None) -> Iterator[Article | InputProblem]:
    """Every article in these files and folders, in order; problems in place of inputs that cannot be read.

    Warnings (`severity="warning"`) come right before the article they concern.
    """
    for item in plan_inputs(paths, sources):
        if isinstance(item, FileInput):
            yield from read_file_input(item)
        else:
            yield item

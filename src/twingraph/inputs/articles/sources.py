"""`sources.yaml`: metadata for article files that carry none (plain text copies of web pages).

The file maps a file name (or a path relative to the YAML file) to its source:

    seed_000.txt:
      url: https://nordstadtblogger.de/...
      title: Auf dem Weg zu einer neuen Städtepartnerschaft
      publisher: Nordstadtblogger
      published: 2023-10-04      # YYYY, YYYY-MM or YYYY-MM-DD; leave empty when unknown
      language: de
      license: https://creativecommons.org/licenses/by/4.0/   # as the page states it; URL or words

A `sources.yaml` beside the articles is read automatically; `--sources FILE` names another one.
Values given here win over what the file itself says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from twingraph.errors import UserError
from twingraph.facts import DateValue

SOURCES_FILE_NAME = "sources.yaml"
SOURCE_FIELDS = ("url", "title", "publisher", "published", "language", "license")


@dataclass(frozen=True)
class SourceInfo:
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: DateValue | None = None
    language: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class SourceCatalog:
    path: Path
    entries: Mapping[str, SourceInfo]

    def lookup(self, article: Path) -> SourceInfo | None:
        """By path relative to the catalog's folder, else by file name."""
        try:
            relative = article.resolve().relative_to(self.path.resolve().parent).as_posix()
        except ValueError:
            relative = None
        if relative is not None and relative in self.entries:
            return self.entries[relative]
        return self.entries.get(article.name)


def _text(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def _entry(path: Path, name: str, data: object) -> SourceInfo:
    if data is None:
        return SourceInfo()
    if not isinstance(data, dict):
        raise UserError(f"{path}: entry {name!r} must be a mapping with {', '.join(SOURCE_FIELDS)}")
    unknown = sorted(set(data) - set(SOURCE_FIELDS))
    if unknown:
        raise UserError(f"{path}: entry {name!r} has unknown field {unknown[0]!r} (known: {', '.join(SOURCE_FIELDS)})")
    try:
        published = DateValue.parse(data.get("published"))
    except ValueError as err:
        raise UserError(f"{path}: entry {name!r}: published: {err}") from None
    language = _text(data.get("language"))
    return SourceInfo(
        url=_text(data.get("url")),
        title=_text(data.get("title")),
        publisher=_text(data.get("publisher")),
        published=published,
        language=language.lower() if language else None,
        license=_text(data.get("license")),
    )


def load_sources(path: Path) -> SourceCatalog:
    """Read a sources file; raises UserError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such sources file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder; --sources expects a YAML file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise UserError(f"{path}: not valid YAML{where}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of file name -> {{{', '.join(SOURCE_FIELDS)}}}")
    return SourceCatalog(path, {str(name): _entry(path, str(name), value) for name, value in data.items()})

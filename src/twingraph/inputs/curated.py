"""Curated facts: YAML a person writes to add or correct facts by hand (the dev-set gold format).

Each file becomes its own named graph marked `tg:CuratedFacts`, so curated facts never overwrite extracted
ones; queries prefer them where the two disagree. When the YAML sits in `SET/gold/NAME.yaml` and the
article in `SET/articles/NAME.*`, evidence sentences get their character offsets in that article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from twingraph import __version__
from twingraph.errors import UserError
from twingraph.facts import (
    PARTNERSHIP_STATUSES,
    PARTNERSHIP_TYPES,
    Agreement,
    Article,
    City,
    DateValue,
    Event,
    Evidence,
    FactSet,
    Organization,
    Partnership,
    Person,
    Visit,
)

CURATED_KEY_PREFIX = "curated:"


def _article_text(yaml_path: Path) -> str | None:
    articles = yaml_path.parent.parent / "articles"
    for candidate in sorted(articles.glob(yaml_path.stem + ".*")) if articles.is_dir() else []:
        return candidate.read_text(encoding="utf-8")
    return None


def _evidence(item: dict[str, Any], text: str | None) -> Evidence | None:
    sentence = item.get("evidence")
    if not sentence:
        return None
    found = Evidence.find(text, sentence) if text else None
    return found or Evidence(sentence=sentence, start=None, end=None)


def _date(item: dict[str, Any], key: str, where: str) -> DateValue | None:
    try:
        return DateValue.parse(item.get(key), text=item.get("date_text"), inferred=bool(item.get("year_inferred")))
    except ValueError as err:
        raise UserError(f"{where}: {key}: {err}") from None


def _names(values: object) -> tuple[str, ...]:
    return tuple(str(v) for v in values or [])  # type: ignore[attr-defined]


def load_curated(path: Path) -> FactSet:
    """Read one curated YAML file; raises UserError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise UserError(f"{path}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping with keys such as cities, partnerships, visits")
    text = _article_text(path)
    where = str(path)
    article = Article(
        key=CURATED_KEY_PREFIX + path.name,
        text=text or "",
        url=data.get("source"),
        title=data.get("title") or f"Curated facts: {path.name}",
        published=_date(data, "published", where),
        language=data.get("language"),
        path=str(path),
    )
    try:
        return FactSet(
            article=article,
            origin="curated",
            extractor="twingraph-curated",
            extractor_version=__version__,
            cities=tuple(
                City(
                    name=c["name"],
                    country=c.get("country"),
                    wikidata=c.get("wikidata"),
                    mentions=_names(c.get("mentions")),
                )
                for c in data.get("cities") or []
            ),
            organizations=tuple(
                Organization(name=o["name"], city=o.get("city")) for o in data.get("organizations") or []
            ),
            persons=tuple(
                Person(
                    name=p["name"],
                    role=p.get("role"),
                    of=p.get("of"),
                    aliases=_names(p.get("aliases")),
                )
                for p in data.get("persons") or []
            ),
            partnerships=tuple(_partnership(p, text, where) for p in data.get("partnerships") or []),
            visits=tuple(
                Visit(
                    origin=v.get("from"),
                    destination=v.get("to"),
                    start=_date(v, "start", where),
                    end=_date(v, "end", where),
                    size=v.get("size"),
                    members=_names(v.get("members")),
                    occasion=v.get("occasion"),
                    planned=bool(v.get("planned")),
                    evidence=_evidence(v, text),
                )
                for v in data.get("visits") or []
            ),
            agreements=tuple(
                Agreement(
                    parties=_names(a.get("parties")),
                    signatories=_names(a.get("signatories")),
                    date=_date(a, "date", where),
                    topic=a.get("topic"),
                    evidence=_evidence(a, text),
                )
                for a in data.get("agreements") or []
            ),
            events=tuple(
                Event(
                    kind=e["kind"],
                    description=e.get("description"),
                    date=_date(e, "date", where),
                    evidence=_evidence(e, text),
                )
                for e in data.get("other_events") or []
            ),
        )
    except (KeyError, TypeError) as err:
        raise UserError(f"{path}: a fact lacks a required field ({err})") from None


def _partnership(item: dict[str, Any], text: str | None, where: str) -> Partnership:
    type_ = item.get("type") or "other"
    status = item.get("status") or "active"
    if type_ not in PARTNERSHIP_TYPES:
        raise UserError(f"{where}: unknown partnership type {type_!r}; use one of {', '.join(PARTNERSHIP_TYPES)}")
    if status not in PARTNERSHIP_STATUSES:
        raise UserError(f"{where}: unknown status {status!r}; use one of {', '.join(PARTNERSHIP_STATUSES)}")
    return Partnership(
        cities=_names(item["cities"]),
        type=type_,
        status=status,
        since=_date(item, "since", where),
        planned_by=_date(item, "planned_by", where),
        evidence=_evidence(item, text),
    )

"""The one place where IRIs are minted: the same thing always gets the same IRI, whatever the source."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode

from twingraph.rdf.vocab import ID_NS, STATUS_NS, TYPES_NS


def slug(text: str) -> str:
    """ASCII slug: 'Bad Soden-Salmünster' -> 'bad-soden-salmunster'; non-Latin text keeps its letters."""
    text = text.replace("ß", "ss").casefold()
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", folded).strip("-_") or "x"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _id(*parts: str) -> NamedNode:
    return NamedNode(ID_NS + "/".join(parts))


def country_iri(code: str) -> NamedNode:
    return _id("country", code.lower())


def city_iri(name: str, country: str | None, disambiguator: str | None = None) -> NamedNode:
    """'city/de/munster' for Münster; 'city/de/munster-2867542' for Munster, a smaller place of the same slug."""
    return _id("city", (country or "xx").lower(), slug(name) + (f"-{disambiguator}" if disambiguator else ""))


def person_iri(name: str) -> NamedNode:
    return _id("person", slug(name))


def organization_iri(name: str) -> NamedNode:
    return _id("organization", slug(name))


def post_iri(role: str, holder_of: str | None) -> NamedNode:
    return _id("post", slug(role), slug(holder_of or "unknown"))


def partnership_iri(type_: str, city_iris: list[NamedNode]) -> NamedNode:
    keys = sorted(c.value.removeprefix(ID_NS + "city/").replace("/", "-") for c in city_iris)
    return _id("partnership", type_, "--".join(keys))


def article_iri(key: str) -> NamedNode:
    """The article IRI is also the name of the graph holding its facts."""
    return _id("article", short_hash(key))


def fact_iri(kind: str, article_key: str, index: int) -> NamedNode:
    """Facts that cannot be identified across sources (undated visits, events) live per article."""
    return _id(kind, short_hash(article_key), str(index))


def dated_fact_iri(kind: str, date: str, *keys: str) -> NamedNode:
    """Dated visits and agreements fuse across articles: same cities, same date, same IRI."""
    return _id(kind, date, *(slug(k) for k in keys))


def evidence_iri(article_key: str, sentence: str, start: int | None) -> NamedNode:
    """One evidence node per quoted sentence: by its offset, or by its text when the offset is unknown."""
    where = str(start) if start is not None else short_hash(sentence)
    return _id("evidence", short_hash(article_key), where)


def activity_iri(article_key: str) -> NamedNode:
    return _id("activity", short_hash(article_key))


def agent_iri(name: str, version: str) -> NamedNode:
    return _id("agent", slug(name), slug(version))


def type_concept(type_: str) -> NamedNode:
    return NamedNode(TYPES_NS + type_)


def status_concept(status: str) -> NamedNode:
    return NamedNode(STATUS_NS + status)

"""The formal twinnings twingraph knows, as Wikidata sees them: P190 statements with P580/P582 and a source URL.

Two outputs: RDF in the shape of the Wikidata RDF dump (wdt:/p:/ps:/pq:/pqv:/prov:wasDerivedFrom/pr:P854), for
`twingraph export --view wikidata`; and QuickStatements lines for the twinnings a Wikidata-derived table lacks,
for `twingraph wikidata-diff`, ready for a Wikidata editor to review. P190 is symmetric on Wikidata, so each
twinning gives a statement on both cities' items.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from twingraph.errors import UserError
from twingraph.facts import wikidata_ids
from twingraph.inputs.pairs import REQUIRED_COLUMNS, read_pairs
from twingraph.query.library import load_query
from twingraph.rdf.iris import short_hash
from twingraph.rdf.vocab import ID_NS
from twingraph.store.embedded import EmbeddedStore

WD = "http://www.wikidata.org/entity/"
WIKIDATA_PREFIXES: dict[str, str] = {
    "wd": WD,
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pqv": "http://www.wikidata.org/prop/qualifier/value/",
    "pr": "http://www.wikidata.org/prop/reference/",
    "wikibase": "http://wikiba.se/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
TWINNED = "P190"  # twinned administrative body
START_TIME = "P580"
END_TIME = "P582"
REFERENCE_URL = "P854"
GREGORIAN = NamedNode(WD + "Q1985727")  # proleptic Gregorian calendar
PRECISION = {4: 9, 7: 10, 10: 11}  # Wikidata time precision: year 9, month 10, day 11
QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class TwinningStatement:
    """One directed P190 claim `subject P190 partner`, with its qualifiers and the article it rests on."""

    subject: str  # QID
    partner: str  # QID
    since: str | None  # ISO date as precise as the source: 2023, 2023-02, 2023-02-14
    until: str | None
    reference_url: str | None


def _bindings(store: EmbeddedStore, only: NamedNode | None) -> Iterator[dict[str, str]]:
    query = load_query("wikidata-twinnings")
    result = store.query(query.text, {"source": only} if only is not None else None)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    for solution in result:
        yield {name: solution[name].value for name in names if solution[name] is not None}


def _is_reference_url(url: str | None) -> bool:
    """Wikidata's reference URL (P854) must be a web address anyone can open, not a file on this machine."""
    return url is not None and urlsplit(url).scheme in ("http", "https")


def _better_date(current: str | None, candidate: str | None) -> str | None:
    """Prefer the more precise date; between equally precise ones, the earlier."""
    if candidate is None:
        return current
    if current is None or len(candidate) > len(current) or (len(candidate) == len(current) and candidate < current):
        return candidate
    return current


def twinning_statements(store: EmbeddedStore, only: NamedNode | None = None) -> list[TwinningStatement]:
    """Directed statements for each formal twinning between cities with QIDs, merged across sources."""
    merged: dict[tuple[str, str], dict[str, str | None]] = {}
    for row in _bindings(store, only):
        a, b = row["qidA"], row["qidB"]
        if not (QID.match(a) and QID.match(b)):
            continue
        found = merged.setdefault((a, b), {"since": None, "until": None, "url": None})
        url = row.get("url") if _is_reference_url(row.get("url")) else None
        since = _better_date(found["since"], row.get("since"))
        if since != found["since"] and url:
            found["url"] = url  # the reference is the source that gives the date used
        found["since"] = since
        found["until"] = _better_date(found["until"], row.get("until"))
        found["url"] = found["url"] or url
    return [
        TwinningStatement(a, b, values["since"], values["until"], values["url"])
        for (a, b), values in sorted(merged.items())
    ]


def _wd(prefix: str, local: str) -> NamedNode:
    return NamedNode(WIKIDATA_PREFIXES[prefix] + local)


def _time_literal(iso: str) -> Literal:
    """Wikidata RDF writes a month or year as its first day: 2023-02 -> 2023-02-01T00:00:00Z."""
    full = (iso + "-01-01")[:10] if len(iso) < 10 else iso
    return Literal(f"{full}T00:00:00Z", datatype=_wd("xsd", "dateTime"))


def wikidata_triples(statements: Iterable[TwinningStatement]) -> list[Triple]:
    """The statements as the Wikidata RDF dump models them (truthy wdt: triple plus full p:/ps:/pq: statement)."""
    triples: list[Triple] = []
    for st in statements:
        subject, partner = NamedNode(WD + st.subject), NamedNode(WD + st.partner)
        key = short_hash(f"{st.subject} {TWINNED} {st.partner}")
        node = NamedNode(f"{ID_NS}wikidata/statement/{key}")
        triples += [
            Triple(subject, _wd("wdt", TWINNED), partner),
            Triple(subject, _wd("p", TWINNED), node),
            Triple(node, _wd("rdf", "type"), _wd("wikibase", "Statement")),
            Triple(node, _wd("ps", TWINNED), partner),
        ]
        for prop, iso in ((START_TIME, st.since), (END_TIME, st.until)):
            if iso is None:
                continue
            value = NamedNode(f"{ID_NS}wikidata/value/{short_hash(iso)}")
            triples += [
                Triple(node, _wd("pq", prop), _time_literal(iso)),
                Triple(node, _wd("pqv", prop), value),
                Triple(value, _wd("rdf", "type"), _wd("wikibase", "TimeValue")),
                Triple(value, _wd("wikibase", "timeValue"), _time_literal(iso)),
                Triple(
                    value,
                    _wd("wikibase", "timePrecision"),
                    Literal(str(PRECISION[len(iso)]), datatype=_wd("xsd", "integer")),
                ),
                Triple(value, _wd("wikibase", "timeCalendarModel"), GREGORIAN),
            ]
        if st.reference_url:
            reference = NamedNode(f"{ID_NS}wikidata/reference/{short_hash(st.reference_url)}")
            triples += [
                Triple(node, _wd("prov", "wasDerivedFrom"), reference),
                Triple(reference, _wd("rdf", "type"), _wd("wikibase", "Reference")),
                Triple(reference, _wd("pr", REFERENCE_URL), NamedNode(st.reference_url)),
            ]
    return triples


# --- QuickStatements -------------------------------------------------------------------------------------


def quickstatements_time(iso: str) -> str:
    """QuickStatements time: +2023-02-00T00:00:00Z/10 (unknown month or day written as 00)."""
    year, month, day = [*iso.split("-"), "00", "00"][:3]
    return f"+{year}-{month}-{day}T00:00:00Z/{PRECISION[len(iso)]}"


def quickstatements_line(st: TwinningStatement) -> str:
    """One tab-separated QuickStatements (v1) command: the claim, its qualifiers, its reference URL."""
    fields = [st.subject, TWINNED, st.partner]
    if st.since:
        fields += [START_TIME, quickstatements_time(st.since)]
    if st.until:
        fields += [END_TIME, quickstatements_time(st.until)]
    if st.reference_url:
        fields += ["S" + REFERENCE_URL[1:], '"' + st.reference_url.replace('"', "%22") + '"']
    return "\t".join(fields)


def _qids(cell: str | None) -> list[str]:
    """A table cell may hold several QIDs of one city ('Q39121;Q774015'): any of them counts."""
    return [q for q in wikidata_ids(cell) if QID.match(q)]


def read_known_pairs(path: Path) -> set[frozenset[str]]:
    """Unordered QID pairs a table lists (in either direction), by its qid_a/qid_b cells and by its city names.

    A table that names its cities (city_a, country_a, city_b, country_b, as the twin-town table does) is also
    read through the gazetteer, as `load-pairs` reads it: a row that leaves a QID empty ("Dortmund, Germany,
    Leeds, United Kingdom" without Leeds's QID) still lists that pair, so it is not reported as missing.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            by_qid = {"qid_a", "qid_b"} <= columns
            by_name = set(REQUIRED_COLUMNS) <= columns
            if not (by_qid or by_name):
                raise UserError(
                    f"{path}: expected columns qid_a and qid_b, or {', '.join(REQUIRED_COLUMNS)}; "
                    f"found {', '.join(sorted(columns))}"
                )
            known = (
                {frozenset((a, b)) for row in reader for a in _qids(row["qid_a"]) for b in _qids(row["qid_b"])}
                if by_qid
                else set()
            )
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except csv.Error as err:
        raise UserError(f"{path}: not a readable CSV ({err})") from None
    if by_name:
        known |= _pairs_by_name(path)
    return known


def _pairs_by_name(path: Path) -> set[frozenset[str]]:
    """The QID pairs of the partnerships the table's names resolve to (rows that do not resolve add none)."""
    table = read_pairs(path)
    qids = {c.qualified_name: _qids(c.wikidata) for c in table.facts.cities}
    return {
        frozenset((a, b))
        for p in table.facts.partnerships
        for a in qids.get(p.cities[0], ())
        for b in qids.get(p.cities[1], ())
        if a != b
    }


def missing_statements(statements: Iterable[TwinningStatement], known: set[frozenset[str]]) -> list[TwinningStatement]:
    """The statements whose city pair the table does not list (in either direction)."""
    return [st for st in statements if frozenset((st.subject, st.partner)) not in known]

"""World twin-town tables (CSV) -> one `FactSet` of origin "table", checked row by row before anything is stored.

Columns: city_a, country_a, city_b, country_b (required; English country names or ISO codes) and
since, until, qid_a, qid_b, source (optional).

Wikidata exports are read too: the CSV or JSON (plain or SPARQL results) that the Wikidata Query Service
downloads for a P190 query with the P580 (start time) and P582 (end time) qualifiers, such as

    SELECT ?city ?cityLabel ?countryLabel ?twin ?twinLabel ?twinCountryLabel ?start ?end WHERE {
      ?city p:P190 ?statement ; wdt:P17 ?country . ?statement ps:P190 ?twin . ?twin wdt:P17 ?twinCountry .
      OPTIONAL { ?statement pq:P580 ?start } OPTIONAL { ?statement pq:P582 ?end }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en" } }

(WIKIDATA_COLUMNS lists the other variable names understood). A partnership with an end time is "ended".

Cities go through the gazetteer, so a row "Zhytomyr, Ukraine" and an article's "Schytomyr" name one city.
A-B and B-A rows are one partnership.

Where the table is published (url, title, publisher) comes from a `sources.yaml` beside it, as for articles;
without one the graph has no URL, and its IRI stands for the source: a local path would mean nothing to the
people reading an export.
"""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from twingraph import __version__
from twingraph.errors import UserError
from twingraph.facts import Article, City, DateValue, FactSet, Partnership, qualified_name
from twingraph.gazetteer import Gazetteer, Place, gazetteer
from twingraph.gazetteer.text import clean_name
from twingraph.inputs.articles.sources import SOURCES_FILE_NAME, SourceCatalog, SourceInfo, load_sources
from twingraph.rdf.iris import article_iri
from twingraph.rdf.mapping import iter_quads
from twingraph.store.consolidate import write_table
from twingraph.store.embedded import EmbeddedStore

REQUIRED_COLUMNS = ("city_a", "country_a", "city_b", "country_b")
OPTIONAL_COLUMNS = ("since", "until", "qid_a", "qid_b", "source")
# Our column <- the variable names a Wikidata Query Service export may use for it (first found wins).
WIKIDATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "city_a": ("cityLabel", "itemLabel"),
    "country_a": ("countryLabel", "cityCountryLabel", "itemCountryLabel"),
    "qid_a": ("city", "item"),
    "city_b": ("twinLabel", "partnerLabel"),
    "country_b": ("twinCountryLabel", "partnerCountryLabel"),
    "qid_b": ("twin", "partner"),
    "since": ("start", "startTime", "P580"),
    "since_precision": ("startPrecision",),
    "until": ("end", "endTime", "P582"),
    "until_precision": ("endPrecision",),
}
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_WIKIDATA_DAY = {9: 4, 10: 7, 11: 10}  # Wikidata time precision (year, month, day) -> ISO length
TABLE_KEY_PREFIX = "table:"


@dataclass(frozen=True)
class RowProblem:
    """Something wrong with one line of the table (1-based line number in the file, header = line 1)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class PairTable:
    """A checked table: its facts, and what was merged, skipped or chosen on the way."""

    path: Path
    facts: FactSet
    rows: int
    problems: tuple[RowProblem, ...] = ()  # rows with errors: not in `facts`
    merged: tuple[RowProblem, ...] = ()  # rows repeating a pair (either direction): one partnership
    notes: tuple[RowProblem, ...] = ()  # choices worth knowing: a name that several places carry
    one_place: tuple[RowProblem, ...] = ()  # rows whose two names resolve to one place: no partnership, skipped

    @property
    def key(self) -> str:
        return self.facts.article.key


@dataclass
class _Checker:
    """Row-by-row checks with the gazetteer; accumulates cities, partnerships and problems."""

    g: Gazetteer
    problems: list[RowProblem] = field(default_factory=list)
    merged: list[RowProblem] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)
    one_place: list[RowProblem] = field(default_factory=list)
    cities: dict[str, City] = field(default_factory=dict)  # "Name, CC" -> city
    partnerships: dict[tuple[str, str], tuple[int, Partnership]] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    _resolved: dict[tuple[str, str, str], Place | str] = field(default_factory=dict)

    def city(self, line: int, name: str, country_name: str, qid: str) -> Place | None:
        """The place a row names, or None after recording why not."""
        if not name:
            self.problems.append(RowProblem(line, "empty city name"))
            return None
        if not country_name:
            self.problems.append(RowProblem(line, f"no country for {name!r}"))
            return None
        cache_key = (name, country_name, qid)
        found = self._resolved.get(cache_key)
        if found is None:
            found = self._resolve(line, clean_name(name), country_name, qid)
            self._resolved[cache_key] = found
        if isinstance(found, str):
            self.problems.append(RowProblem(line, found))
            return None
        return found

    def _resolve(self, line: int, name: str, country_name: str, qid: str) -> Place | str:
        code = self.g.country_code(country_name)
        if code is None:
            return f"unknown country {country_name!r} (for {name!r})"
        found = self.g.candidates(name, code, include_regions=True)
        if not found:
            return f"unknown city {name!r} in {country_name}"
        if qid:
            by_qid = [p for p in found if p.wikidata == qid]
            if by_qid:
                return by_qid[0]
        namesakes = sum(1 for p in found if p.name == found[0].name)
        if namesakes > 1:
            self.notes.append(
                RowProblem(
                    line,
                    f"{name!r} in {country_name} names {namesakes} places; took the most populous "
                    f"({found[0].population:,} inhabitants)",
                )
            )
        return found[0]

    def add_row(self, line: int, values: dict[str, str]) -> None:
        a = self.city(line, values["city_a"], values["country_a"], values["qid_a"])
        b = self.city(line, values["city_b"], values["country_b"], values["qid_b"])
        dates: dict[str, DateValue | None] = {}
        for column in ("since", "until"):
            try:
                dates[column] = DateValue.parse(values.get(column) or None)
            except ValueError as err:
                self.problems.append(RowProblem(line, f"{column}: {err}"))
                return
        since, until = dates["since"], dates["until"]
        if a is None or b is None:
            return
        key_a, key_b = qualified_name(a.name, a.country), qualified_name(b.name, b.country)
        if key_a == key_b:
            # The same name twice is a broken row. Two names that resolve to one place ("Lagoa" and "Lagoa,
            # Azores", one Wikidata item in the world table) hold no partnership either, but whether they are
            # one place is the resolver's judgement: the row is skipped and reported, the others still load.
            if (values["city_a"], values["country_a"]) == (values["city_b"], values["country_b"]):
                self.problems.append(RowProblem(line, f"self pair: {values['city_a']!r} twice"))
            else:
                self.one_place.append(
                    RowProblem(line, f"{values['city_a']!r} and {values['city_b']!r} are one place, {key_a}")
                )
            return
        pair = (key_a, key_b) if key_a < key_b else (key_b, key_a)
        known = self.partnerships.get(pair)
        if known is not None:
            first, partnership = known
            self.merged.append(RowProblem(line, f"same pair as line {first} ({a.name} - {b.name}): merged"))
            # P190 is symmetric: a Wikidata export holds A-B and B-A, often with the dates on one side only.
            if since and (partnership.since is None or since.iso < partnership.since.iso):
                partnership = replace(partnership, since=since)
            if until and (partnership.until is None or until.iso > partnership.until.iso):
                partnership = replace(partnership, until=until, status="ended")
            self.partnerships[pair] = (first, partnership)
            return
        for key, place, qid in ((key_a, a, values["qid_a"]), (key_b, b, values["qid_b"])):
            if key not in self.cities:
                self.cities[key] = replace(place.as_city(), wikidata=place.wikidata or qid or None)
        self.partnerships[pair] = (line, _partnership(pair, since, until))
        if values["source"]:
            self.sources.update(part.split("@", 1)[0].strip() for part in values["source"].split("|"))


def _partnership(cities: tuple[str, str], since: DateValue | None, until: DateValue | None = None) -> Partnership:
    return Partnership(cities=cities, type="twinning", status="ended" if until else "active", since=since, until=until)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a CSV file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise UserError(f"{path}: not UTF-8 text (line {line}, byte {err.start}); save the table as UTF-8") from None


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """A world table makes millions of small objects (rows, places, quads) and no reference cycles; Python's
    cycle collector would walk them again and again, about a third of the time of reading and mapping."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_pairs(path: Path, g: Gazetteer | None = None, sources: SourceCatalog | None = None) -> PairTable:
    """Read and check a whole table; raises UserError only for problems of the file as a whole.

    `sources` describes where the table is published; by default the `sources.yaml` beside it, if any.
    """
    g = g or gazetteer()
    info = _source_info(path, sources)
    with no_cycle_collection():
        return _read_pairs(path, g, info)


def _source_info(path: Path, sources: SourceCatalog | None) -> SourceInfo:
    found = sources.lookup(path) if sources is not None else None
    beside = path.parent / SOURCES_FILE_NAME
    if found is None and beside.is_file():
        found = load_sources(beside).lookup(path)
    return found or SourceInfo()


def _records(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str] | dict[str, str]]]]:
    """The header and the rows (line number, CSV fields or a JSON record's values by variable name)."""
    text = _decode(path)
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in ("[", "{"):
        return _json_records(path, text)
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]

    def rows() -> Iterator[tuple[int, list[str] | dict[str, str]]]:
        for fields in reader:
            yield reader.line_num, fields

    return header, rows()


def _json_records(path: Path, text: str) -> tuple[list[str], Iterator[tuple[int, list[str] | dict[str, str]]]]:
    """WDQS downloads: plain JSON (a list of objects) or SPARQL 1.1 JSON results; a record's number is its line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UserError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("results"), dict):
        header = [str(v) for v in data.get("head", {}).get("vars", [])]
        bindings = data["results"].get("bindings", [])
        records = [{k: str(v.get("value", "")) for k, v in b.items() if isinstance(v, dict)} for b in bindings]
    elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
        records = [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in data]
        header = list(dict.fromkeys(k for r in records for k in r))
    else:
        raise UserError(
            f"{path}: expected a list of records or SPARQL JSON results (a Wikidata Query Service download)"
        )
    return header, iter(enumerate(records, start=1))


def _wikidata_value(column: str, value: str, precision: str) -> str:
    """QIDs from entity IRIs; xsd:dateTime cut to the precision Wikidata states (or, without it, guessed:
    1 January at midnight is how Wikidata writes a year)."""
    value = value.strip()
    if column.startswith("qid_"):
        return value.removeprefix(WIKIDATA_ENTITY)
    if column in ("since", "until") and "T" in value:
        day = value.split("T", 1)[0].lstrip("+")
        if precision.isdigit() and int(precision) in _WIKIDATA_DAY:
            return day[: _WIKIDATA_DAY[int(precision)]]
        if day.endswith("-01-01"):
            return day[:4]
        return day[:7] if day.endswith("-01") else day
    return value


def _read_pairs(path: Path, g: Gazetteer, info: SourceInfo) -> PairTable:
    header, records = _records(path)
    if not any(header):
        raise UserError(f"{path}: empty file; expected the header {','.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}")
    wikidata = {ours: next((v for v in names if v in header), None) for ours, names in WIKIDATA_COLUMNS.items()}
    from_wikidata = any(c not in header for c in REQUIRED_COLUMNS) and all(wikidata[c] for c in REQUIRED_COLUMNS)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing and not from_wikidata:
        lacking = [f"?{WIKIDATA_COLUMNS[c][0]}" for c in REQUIRED_COLUMNS if not wikidata[c]]
        if any(wikidata[c] for c in REQUIRED_COLUMNS):  # a Wikidata download without some variables
            raise UserError(
                f"{path}: a Wikidata export needs the variable{'s' if len(lacking) > 1 else ''} {', '.join(lacking)} "
                f"too (the header is: {','.join(header)})"
            )
        raise UserError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the header is: {','.join(header)})"
        )
    sources = {"source": "Wikidata"} if from_wikidata else {}
    names = (
        {c: wikidata[c] for c in WIKIDATA_COLUMNS}
        if from_wikidata
        else {c: c for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    )
    columns = [(ours, theirs, header.index(theirs) if theirs in header else None) for ours, theirs in names.items()]
    checks = _Checker(g)
    rows = 0
    for line, fields in records:
        if isinstance(fields, list):
            if not any(f.strip() for f in fields):
                continue  # blank line
            if len(fields) != len(header):
                rows += 1
                checks.problems.append(RowProblem(line, f"{len(fields)} fields, the header has {len(header)}"))
                continue
            record = {ours: fields[i].strip() if i is not None else "" for ours, _, i in columns}
        else:
            record = {ours: fields.get(theirs or "", "").strip() for ours, theirs, _ in columns}
        rows += 1
        if from_wikidata:
            record = {c: _wikidata_value(c, v, record.get(f"{c}_precision", "")) for c, v in record.items()} | sources
        checks.add_row(line, record)
    if rows == 0:
        raise UserError(f"{path}: no rows after the header")
    facts = FactSet(
        article=Article(
            key=TABLE_KEY_PREFIX + path.name,
            text="",
            url=info.url,
            title=info.title or f"Twin-town table {path.name}",
            publisher=info.publisher or "; ".join(sorted(checks.sources)) or None,
            published=info.published,
            language=info.language,
            path=str(path),
            license=info.license,
        ),
        origin="table",
        extractor="twingraph-pairs",
        extractor_version=__version__,
        cities=tuple(checks.cities.values()),
        partnerships=tuple(p for _, p in sorted(checks.partnerships.values(), key=lambda item: item[0])),
    )
    return PairTable(
        path=path,
        facts=facts,
        rows=rows,
        problems=tuple(sorted(checks.problems, key=lambda p: p.line)),
        merged=tuple(checks.merged),
        notes=tuple(checks.notes),
        one_place=tuple(checks.one_place),
    )


def store_table(store: EmbeddedStore, table: PairTable) -> int:
    """Make the table's graph hold exactly these facts; returns the triples in it.

    Every row was checked before, so what is written is the whole table, never part of it. A world table
    is hundreds of thousands of triples, too many for one SPARQL update to be quick: a first load is a
    bulk load (if it fails, what it wrote is removed); a reload changes only the triples that differ, in
    one transaction (dropping and re-inserting the whole graph takes ten times longer). Both take the quads
    as they are made, so the store works on the other core meanwhile.
    """
    graph = article_iri(table.key)
    with no_cycle_collection():
        return write_table(store, graph, list(iter_quads(table.facts)))


def around_cities(table: PairTable, names: set[str]) -> PairTable:
    """The part of a table that touches these cities: their partnerships and the partner cities.

    The demo uses it to show a city's other twin towns beside what the articles say, without the world.
    """

    def plain(name: str) -> str:
        return name.rsplit(", ", 1)[0] if name[-4:-2] == ", " else name

    partnerships = tuple(p for p in table.facts.partnerships if any(plain(c) in names for c in p.cities))
    used = {c for p in partnerships for c in p.cities}
    cities = tuple(c for c in table.facts.cities if c.name in used or c.qualified_name in used)
    facts = replace(table.facts, partnerships=partnerships, cities=cities)
    return replace(table, facts=facts, rows=len(partnerships), problems=(), merged=(), notes=(), one_place=())

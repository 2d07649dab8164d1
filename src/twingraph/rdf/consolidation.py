"""The consolidated layer: one node per real thing, fused from the statements of every source graph.

A source graph says what one article, curated file or table states. The consolidated graph
(`vocab.CONSOLIDATED_GRAPH`) says what twingraph knows: one partnership per city pair and type with its
phases over time, one visit however many articles report it, one planned youth visit, one person. Each
consolidated node lists its source statements (`prov:wasDerivedFrom` a `tg:SourceStatement` naming the source
graph, the per-source fact and its evidence) and their count; where sources disagree on a value it carries
a `tg:Conflict` naming each value and the statements behind it.

Everything here is a pure function of source quads: `claims_of` reads what one source states about a fact,
`fuse` turns all claims of one cluster into the cluster's consolidated quads. The store side (which clusters
a write touches, one transaction) is `twingraph.store.consolidate`. Cities are the same IRI in every source; their
consolidated description is the union of what the sources say of them (`CITY_PREDICATES`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from twingraph.rdf import vocab as v
from twingraph.rdf.iris import short_hash
from twingraph.rdf.mapping import integer

Term = NamedNode | BlankNode | Literal
Pairs = list[tuple[NamedNode, Term]]
# what one source says about a subject in its graph: (predicate, object) pairs
About = Callable[[NamedNode], Pairs]
# the (subject, object) pairs of one predicate in a source graph
Scan = Callable[[NamedNode], list[tuple[Term, Term]]]

GRAPH = v.CONSOLIDATED_GRAPH
ORIGIN_RANK = {"curated": 1, "extracted": 2, "table": 3}
STATUS_ORDER = ("planned", "active", "formalized", "suspended", "ended")
KNOWN = v.ID_NS + "known/"

# The classes whose instances are fused, and the kind of claim each gives.
CLAIM_CLASSES: dict[NamedNode, str] = {
    v.PARTNERSHIP: "partnership",
    v.VISIT: "visit",
    v.AGREEMENT: "agreement",
    v.EVENT: "event",
    v.PERSON: "person",
    v.ORG_POST: "post",
    v.ORGANIZATION: "organization",
}
# What the consolidated graph says of a city: the union of what its sources say (cities have one IRI already).
# Its ids stay in the sources' graphs, its identity links (owl:sameAs) come along for linked-data consumers.
CITY_PREDICATES = frozenset({v.RDF_TYPE, v.RDFS_LABEL, v.COUNTRY_PROP, v.OWL_SAME_AS, v.LOOKUP_KEY})
COUNTRY_PREDICATES = frozenset({v.RDF_TYPE, v.COUNTRY_CODE})

# Per kind: properties that take one value (the most trusted source's; a disagreement is a conflict when the
# property is listed in CONFLICTING), and properties whose values are pooled from all sources.
SINGLE: dict[str, tuple[NamedNode, ...]] = {
    "partnership": (v.PARTNERSHIP_TYPE, v.SINCE, v.UNTIL, v.PLANNED_BY),
    "visit": (v.END_DATE, v.OCCASION),
    "agreement": (v.DATE, v.TOPIC, v.AGREEMENT_KIND),
    "event": (v.EVENT_KIND, v.DATE, v.SCHEMA_DESCRIPTION, v.ITEMS, v.QUANTITY, v.AMOUNT),
    "person": (v.SCHEMA_NAME, v.RDFS_LABEL),
    "post": (v.RDFS_LABEL, v.ROLE_TEXT),
    "organization": (v.RDFS_LABEL, v.ORGANIZATION_KIND),
}
POOLED: dict[str, tuple[NamedNode, ...]] = {
    "partnership": (v.RDF_TYPE, v.PARTNER, v.GREW_OUT_OF),
    "visit": (v.RDF_TYPE, v.ORIGIN, v.DESTINATION, v.HOST, v.RETURN_VISIT),
    "agreement": (v.RDF_TYPE, v.PARTY, v.SIGNATORY),
    "event": (v.RDF_TYPE, v.GIVER, v.RECIPIENT),
    "person": (v.RDF_TYPE, v.SKOS_ALT_LABEL, v.LOOKUP_KEY, v.ORG_HOLDS),
    "post": (v.RDF_TYPE, v.ORG_POST_IN),
    "organization": (v.RDF_TYPE, v.LOOKUP_KEY, v.BASED_IN),
}
CONFLICTING = frozenset({v.SINCE, v.UNTIL, v.PLANNED_BY, v.END_DATE, v.SIZE, v.QUANTITY, v.AMOUNT})


@dataclass
class Claim:
    """What one source graph states about one fact: the fact's own properties in that graph."""

    kind: str
    graph: NamedNode
    fact: NamedNode
    origin: str
    published: Literal | None  # for a partnership: the date the source speaks as of (see SourceReader.as_of)
    values: dict[NamedNode, list[Term]]
    delegation: dict[NamedNode, list[Term]] = field(default_factory=dict)
    sentence: str | None = None
    cities: tuple[NamedNode, ...] = ()  # for an event: the cities its source names (events name no places)

    def first(self, predicate: NamedNode) -> Term | None:
        found = self.values.get(predicate)
        return found[0] if found else None

    @property
    def rank(self) -> int:
        return ORIGIN_RANK.get(self.origin, 4)

    @property
    def evidence(self) -> list[Term]:
        return self.values.get(v.EVIDENCE_PROP, [])


ClusterKey = tuple[str, ...]


def _first(values: dict[NamedNode, list[Term]], predicate: NamedNode) -> Term | None:
    found = values.get(predicate)
    return found[0] if found else None


def _grouped(pairs: Pairs) -> dict[NamedNode, list[Term]]:
    found: dict[NamedNode, list[Term]] = defaultdict(list)
    for predicate, obj in pairs:
        found[predicate].append(obj)
    return found


class SourceReader:
    """Reads the claims of one source graph through `about` (in memory for a graph being written, from the
    store for one already there), with the source's origin and date read once."""

    _cities: tuple[NamedNode, ...] | None

    def __init__(self, graph: NamedNode, about: About, scan: Scan) -> None:
        self.graph = graph
        self.about = about
        self.scan = scan
        own = _grouped(about(graph))
        origin = own.get(v.FACT_ORIGIN)
        self.origin = origin[0].value if origin else "extracted"
        issued = own.get(v.DCT_ISSUED)
        self.published = issued[0] if issued and isinstance(issued[0], Literal) else None
        self._as_of: Literal | bool | None = False  # not yet computed
        self._cities = None

    @property
    def as_of(self) -> Literal | None:
        """The date a source speaks as of: its publication date; for a source that gives none, the latest
        date of what it reports as done (a visit's end, a partnership's start), since it was written after."""
        if self._as_of is False:
            planned = {s for s, o in self.scan(v.PLANNED) if _text(o) == "true"}
            dated = [
                o
                for p in (v.START_DATE, v.END_DATE, v.SINCE)
                for s, o in self.scan(p)
                if s not in planned and isinstance(o, Literal)
            ]
            self._as_of = self.published or max(dated, key=lambda d: d.value, default=None)
        return self._as_of  # type: ignore[return-value]

    @property
    def cities(self) -> tuple[NamedNode, ...]:
        if self._cities is None:
            found = {s for s, o in self.scan(v.RDF_TYPE) if o == v.CITY and isinstance(s, NamedNode)}
            self._cities = tuple(sorted(found, key=lambda c: c.value))
        return self._cities

    def claim(self, fact: NamedNode, kind: str) -> Claim:
        values = _grouped(self.about(fact))
        # a partnership's phase is dated by the source when the fact has no date of its own, except for a
        # table, whose rows are not reports of a moment
        as_of = self.as_of if kind == "partnership" and self.origin != "table" else self.published
        claim = Claim(kind, self.graph, fact, self.origin, as_of, values)
        for delegation in values.get(v.DELEGATION_PROP, []):
            if isinstance(delegation, NamedNode):
                for predicate, obj in self.about(delegation):
                    claim.delegation.setdefault(predicate, []).append(obj)
        if kind == "event":
            claim.cities = self.cities
        if kind in ("agreement", "event"):
            for ev in claim.evidence:
                if isinstance(ev, NamedNode):
                    sentence = _grouped(self.about(ev)).get(v.SENTENCE)
                    if sentence:
                        claim.sentence = sentence[0].value
                        break
        return claim


def kind_of(types: Iterable[object]) -> str | None:
    """The kind of claim a fact with these classes gives: the first of CLAIM_CLASSES it has (an organization
    named like a city is the city's node, typed both)."""
    have = set(types)
    return next((kind for cls, kind in CLAIM_CLASSES.items() if cls in have), None)


def _tail(city: Term | None) -> str:
    """'ua-zhytomyr' for id/city/ua/zhytomyr: a city as a part of a consolidated IRI."""
    if not isinstance(city, NamedNode):
        return "x"
    return city.value.removeprefix(v.ID_NS + "city/").replace("/", "-")


def _words(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _text(term: Term | None) -> str:
    return term.value if isinstance(term, Literal | NamedNode) else ""


def cluster_of(claim: Claim) -> ClusterKey:
    """Claims of one cluster are fused together. Most clusters are one consolidated node, named by what
    identifies the real thing; the visits between two cities are one cluster, since an undated report of a
    visit is fused with the one dated visit of the same cities when there is only one."""
    if claim.kind in ("partnership", "person", "post", "organization"):
        return ("node", claim.fact.value)
    if claim.kind == "visit":
        origin, destination = claim.first(v.ORIGIN), claim.first(v.DESTINATION)
        if origin is None and destination is None:
            return ("node", KNOWN + "visit/" + short_hash(claim.graph.value + " " + claim.fact.value))
        planned = "planned" if _text(claim.first(v.PLANNED)) == "true" else "done"
        return ("visits", _text(origin), _text(destination), planned)
    date = _text(claim.first(v.DATE)) or "undated"
    if claim.kind == "agreement":
        parties = sorted(_text(p) for p in claim.values.get(v.PARTY, []))
        # undated agreements of the same parties are one when their sources word them alike
        wording = "" if date != "undated" else _words(claim.sentence)
        return ("node", KNOWN + f"agreement/{date}/" + short_hash("|".join(parties) + "|" + wording))
    kind = _text(claim.first(v.EVENT_KIND)) or "event"
    about = _words(_text(claim.first(v.SCHEMA_DESCRIPTION)) or claim.sentence)
    sides = f"{_text(claim.first(v.GIVER))}|{_text(claim.first(v.RECIPIENT))}"
    return ("node", KNOWN + f"event/{_slug(kind)}/{date}/" + short_hash(sides + "|" + about))


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()) or "x"


def _sort_key(term: Term) -> str:
    return str(term)


class _Out:
    """Collects the quads of the consolidated graph."""

    def __init__(self) -> None:
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: Term) -> None:
        self.quads.append(Quad(s, p, o, GRAPH))


def _statement(out: _Out, node: NamedNode, claim: Claim) -> NamedNode:
    """The source statement a consolidated node was fused from: the source graph, the fact as that source
    names it (left out when it is the consolidated node's own IRI, as for partnerships and persons) and its
    evidence. A world table gives tens of thousands of these, so they say no more than that."""
    ref = NamedNode(f"{node.value}/source/{short_hash(claim.graph.value + ' ' + claim.fact.value)}")
    out.add(node, v.PROV_WAS_DERIVED_FROM, ref)
    out.add(ref, v.RDF_TYPE, v.SOURCE_STATEMENT)
    out.add(ref, v.IN_SOURCE, claim.graph)
    if claim.fact != node:
        out.add(ref, v.SOURCE_FACT, claim.fact)
    for ev in claim.evidence:
        out.add(ref, v.EVIDENCE_PROP, ev)
    return ref


def _common(out: _Out, node: NamedNode, claims: Sequence[Claim]) -> dict[int, NamedNode]:
    """Statements, source count and the most trusted origin; returns each claim's statement node."""
    refs = {id(c): _statement(out, node, c) for c in claims}
    out.add(node, v.SOURCE_COUNT, integer(len({c.graph for c in claims})))
    best = min(claims, key=lambda c: c.rank)
    out.add(node, v.SOURCE_ORIGIN, Literal(best.origin))
    return refs


def _values(
    claims: Sequence[Claim], predicate: NamedNode, of: Callable[[Claim], dict[NamedNode, list[Term]]]
) -> dict[Term, list[Claim]]:
    found: dict[Term, list[Claim]] = {}
    for claim in claims:
        for value in of(claim).get(predicate, []):
            found.setdefault(value, []).append(claim)
    return found


def _single(
    out: _Out,
    node: NamedNode,
    subject: NamedNode,
    predicate: NamedNode,
    by_value: dict[Term, list[Claim]],
    refs: dict[int, NamedNode],
) -> None:
    """The value of the most trusted kind of source (the least, in lexical order, among equals); when
    sources disagree on a CONFLICTING property, a tg:Conflict on `node` lists every value and its sources."""
    if not by_value:
        return
    best_rank = min(c.rank for claims in by_value.values() for c in claims)
    preferred = sorted((t for t, cs in by_value.items() if min(c.rank for c in cs) == best_rank), key=_sort_key)
    out.add(subject, predicate, preferred[0])
    if len(by_value) > 1 and predicate in CONFLICTING:
        _conflict(out, node, predicate, by_value, {preferred[0]}, refs)


def _conflict(
    out: _Out,
    node: NamedNode,
    predicate: NamedNode,
    by_value: dict[Term, list[Claim]],
    preferred: set[Term],
    refs: dict[int, NamedNode],
) -> None:
    local = predicate.value.rsplit("#", 1)[-1]
    conflict = NamedNode(f"{node.value}/conflict/{local}")
    out.add(node, v.CONFLICT_PROP, conflict)
    out.add(conflict, v.RDF_TYPE, v.CONFLICT)
    out.add(conflict, v.ON_PROPERTY, predicate)
    for value, claims in by_value.items():
        stated = NamedNode(f"{conflict.value}/{short_hash(str(value))}")
        out.add(conflict, v.CONFLICTING_VALUE_PROP, stated)
        out.add(stated, v.RDF_TYPE, v.CONFLICTING_VALUE)
        out.add(stated, v.VALUE, value)
        out.add(stated, v.PREFERRED, Literal("true" if value in preferred else "false", datatype=_BOOLEAN))
        for claim in claims:
            out.add(stated, v.PROV_WAS_DERIVED_FROM, refs[id(claim)])


_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _plain(out: _Out, node: NamedNode, kind: str, claims: Sequence[Claim]) -> dict[int, NamedNode]:
    refs = _common(out, node, claims)
    for predicate in POOLED[kind]:
        for value in sorted(_values(claims, predicate, lambda c: c.values), key=_sort_key):
            out.add(node, predicate, value)
    for predicate in SINGLE[kind]:
        _single(out, node, node, predicate, _values(claims, predicate, lambda c: c.values), refs)
    for city in sorted({c for claim in claims for c in claim.cities}, key=lambda c: c.value):
        out.add(node, v.CONCERNS, city)
    return refs


def _status(term: Term | None) -> str:
    return _text(term).removeprefix(v.STATUS_NS)


def _phases_of(claim: Claim) -> list[tuple[str, str]]:
    """(status, date) phases a source states: a planned partnership as of the source's date, an active or
    formalized one since its start (else as of the source's date), an ended or suspended one from its end
    (and active from its start). A table's row without a start is an undated phase: evidence that the
    partnership exists, which decides its status only when no source dates one."""
    status = _status(claim.first(v.STATUS)) or "active"
    since, until = _text(claim.first(v.SINCE)), _text(claim.first(v.UNTIL))
    as_of = claim.published.value if claim.published is not None else ""
    if status in ("suspended", "ended"):
        stated = [(status, until or as_of)] + ([("active", since)] if since else [])
    else:
        stated = [(status, as_of if status == "planned" else since or as_of)]
    return [(status, date) for status, date in stated if date]


def _partnership(out: _Out, node: NamedNode, claims: Sequence[Claim]) -> None:
    refs = _plain(out, node, "partnership", claims)
    phases: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        for stated in _phases_of(claim):
            phases.setdefault(stated, []).append(claim)
    for (status, date), stating in phases.items():
        phase = NamedNode(f"{node.value}/phase/{status}/{date}")
        out.add(node, v.PHASE, phase)
        out.add(phase, v.RDF_TYPE, v.PARTNERSHIP_PHASE)
        out.add(phase, v.STATUS, NamedNode(v.STATUS_NS + status))
        dated = next(c for c in stating if _phase_date(c, status) is not None)
        out.add(phase, v.DATE, _phase_date(dated, status) or Literal(date))
        for claim in stating:
            out.add(phase, v.PROV_WAS_DERIVED_FROM, refs[id(claim)])
    out.add(node, v.STATUS, NamedNode(v.STATUS_NS + current_status(phases, claims)))
    # a status at the same date that sources disagree on
    by_date: dict[str, dict[Term, list[Claim]]] = {}
    for (status, date), stating in phases.items():
        if date:
            by_date.setdefault(date, {})[NamedNode(v.STATUS_NS + status)] = stating
    for statuses in by_date.values():
        if len(statuses) > 1:
            best = min(c.rank for cs in statuses.values() for c in cs)
            preferred = {t for t, cs in statuses.items() if min(c.rank for c in cs) == best}
            _conflict(out, node, v.STATUS, statuses, preferred, refs)
            break


def _phase_date(claim: Claim, status: str) -> Literal | None:
    """The typed date literal a claim gives its phase (xsd:gYear, gYearMonth or date as the source has it)."""
    if status == "planned":
        return claim.published
    if status in ("suspended", "ended"):
        until = claim.first(v.UNTIL)
        return until if isinstance(until, Literal) else claim.published
    since = claim.first(v.SINCE)
    return since if isinstance(since, Literal) else claim.published


def current_status(phases: dict[tuple[str, str], list[Claim]], claims: Sequence[Claim]) -> str:
    """The status of the latest dated phase (at one date, the furthest along). Undated statements (a table's
    "active") only say the partnership exists, so they decide only when no source dates a phase: then the
    most trusted source's, the furthest along among equals."""
    dated = [(date, STATUS_ORDER.index(status), status) for status, date in phases]
    if dated:
        return max(dated)[2]
    stated = [(c.rank, -STATUS_ORDER.index(_status(c.first(v.STATUS)) or "active"), c) for c in claims]
    return _status(min(stated, key=lambda s: s[:2])[2].first(v.STATUS)) or "active" if stated else "active"


def _visit(out: _Out, node: NamedNode, claims: Sequence[Claim], start: Term | None, planned: bool) -> None:
    refs = _plain(out, node, "visit", claims)
    if start is not None:
        out.add(node, v.START_DATE, start)
    if planned:
        out.add(node, v.PLANNED, Literal("true", datatype=_BOOLEAN))
    if not any(c.delegation for c in claims):
        return
    delegation = NamedNode(node.value + "/delegation")
    out.add(node, v.DELEGATION_PROP, delegation)
    out.add(delegation, v.RDF_TYPE, v.DELEGATION)
    for predicate in (v.MEMBER, v.ON_BEHALF_OF):
        for value in sorted(_values(claims, predicate, lambda c: c.delegation), key=_sort_key):
            out.add(delegation, predicate, value)
    _single(out, node, delegation, v.SIZE, _values(claims, v.SIZE, lambda c: c.delegation), refs)


def _visits(out: _Out, key: ClusterKey, claims: Sequence[Claim]) -> None:
    """The visits between two cities: one per start date; a less precise date (2023-09) joins the one more
    precise visit it contains (2023-09-24), and an undated report joins the one dated visit, when there is
    exactly one; otherwise they stay visits of their own."""
    _, origin, destination, planned = key
    by_start: dict[str, list[Claim]] = {}
    for claim in claims:
        by_start.setdefault(_text(claim.first(v.START_DATE)), []).append(claim)
    for start in sorted(by_start, key=len):
        if start == "" or start not in by_start:
            continue
        wider = [s for s in by_start if s != start and len(s) > len(start) and s.startswith(start)]
        if len(wider) == 1:
            by_start[wider[0]].extend(by_start.pop(start))
    if "" in by_start:
        dated = [s for s in by_start if s]
        if len(dated) == 1:
            by_start[dated[0]].extend(by_start.pop(""))
    base = f"{KNOWN}visit/{_tail(NamedNode(origin)) if origin else 'x'}--"
    base += _tail(NamedNode(destination)) if destination else "x"
    for start, members in by_start.items():
        node = NamedNode(f"{base}/{start or 'undated'}" + ("/planned" if planned == "planned" else ""))
        start_term = next((c.first(v.START_DATE) for c in members if _text(c.first(v.START_DATE)) == start), None)
        _visit(out, node, members, start_term, planned == "planned")


def fuse(key: ClusterKey, claims: Sequence[Claim]) -> list[Quad]:
    """The consolidated quads of one cluster (none when no source states anything of it any more)."""
    out = _Out()
    if not claims:
        return out.quads
    claims = sorted(claims, key=lambda c: (c.graph.value, c.fact.value))
    if key[0] == "visits":
        _visits(out, key, claims)
        return out.quads
    node = NamedNode(key[1])
    kind = claims[0].kind
    if kind == "partnership":
        _partnership(out, node, claims)
    elif kind == "visit":
        _visit(out, node, claims, claims[0].first(v.START_DATE), _text(claims[0].first(v.PLANNED)) == "true")
    else:
        _plain(out, node, kind, claims)
    return out.quads


def owned_prefix(node: NamedNode) -> str:
    """Nodes a consolidated node owns (statements, phases, conflicts, delegation) have IRIs under it."""
    return node.value + "/"

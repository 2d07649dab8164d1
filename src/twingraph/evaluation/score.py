"""Score extraction against gold YAML facts, along the path a user's data takes.

Each article is read by the real reader, extracted, mapped to RDF and stored alone in a fresh embedded store; the
facts are read back through the contract queries (cities, persons, ...). Matching follows the reference scorer of
the evaluation set: names compared case-, accent- and punctuation-blind; persons by name or alias or a near
spelling; roles as (person, of) pairs; organizations by stemmed token sets; partnerships by unordered city pair and
type; visits by (from, to); agreements by at least two matched parties; events by kind for the scored kinds.
Attributes of matched facts (partnership status and since, visit start and size, agreement date) are accuracies.
"""

from __future__ import annotations

import difflib
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml
from pyoxigraph import QuerySolutions

from twingraph.errors import UserError
from twingraph.extract import Extractor, default_extractor
from twingraph.ingest.load import store_facts
from twingraph.query.library import load_query
from twingraph.store import open_store

QUERIES = ("cities", "persons", "organizations", "partnerships", "visits", "agreements", "events")
TYPES = ("cities", "persons", "roles", "organizations", "partnerships", "visits", "agreements", "events")
EVENT_KINDS = {"donation", "funding", "planned_visit", "reception", "anniversary"}
EVENT_SYNONYMS = {
    "handover": "donation", "aid": "donation", "aid_delivery": "donation", "grant": "funding",
    "welcome": "reception", "jubilee": "anniversary",
}  # fmt: skip
STOP = {"der", "die", "das", "des", "dem", "den", "the", "of", "fur", "und", "and", "city", "stadt", "von", "for"}

Row = dict[str, str]


def norm(text: str | None) -> str:
    text = (text or "").replace("ß", "ss").casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text))


def near(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9)


def stems(text: str) -> set[str]:
    return {w[:6] for w in norm(text).split() if w not in STOP}


def org_match(a: str, b: str) -> bool:
    x, y = stems(a), stems(b)
    if not x or not y:
        return False
    small = x if len(x) <= len(y) else y
    return x == y or (len(small) >= 2 and (x <= y or y <= x)) or len(x & y) / len(x | y) >= 0.6


def date_match(pred: str | None, gold: object) -> bool:
    g = str(gold)
    return bool(pred) and str(pred)[: len(g)] == g


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Mismatch:
    """One error, with what a user tuning rules needs to see why: the fact and the sentence it is about.

    `kind` is "fp" (predicted, matches no gold fact), "fn" (gold fact not found), "attribute" (a matched fact with a
    wrong status, date or size) or "distractor" (a fact from a teaser or boilerplate)."""

    kind: str
    type: str
    fact: str
    sentence: str
    article: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"article": self.article, "kind": self.kind, "type": self.type, "fact": self.fact,
                "sentence": self.sentence}  # fmt: skip


@dataclass
class Score:
    """Counts per fact type, attribute accuracies (correct, total), distractor hits and the errors behind them."""

    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    attributes: dict[str, list[int]] = field(default_factory=dict)
    distractor_hits: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for t in TYPES:
            self.counts[t].add(other.counts[t])
        for name, (ok, n) in other.attributes.items():
            mine = self.attributes.setdefault(name, [0, 0])
            mine[0] += ok
            mine[1] += n
        self.distractor_hits += other.distractor_hits
        self.mismatches.extend(other.mismatches)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.counts.values():
            total.add(c)
        return total

    def as_dict(self) -> dict[str, Any]:
        micro = self.micro
        return {
            "micro": {"precision": micro.precision, "recall": micro.recall, "f1": micro.f1},
            "types": {
                t: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
                for t, c in self.counts.items()
            },
            "attributes": {name: {"correct": ok, "total": n} for name, (ok, n) in sorted(self.attributes.items())},
            "distractor_hits": self.distractor_hits,
        }


class Gold:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.cities: list[dict[str, Any]] = data.get("cities") or []
        self.persons: list[dict[str, Any]] = data.get("persons") or []
        self.orgs: list[dict[str, Any]] = data.get("organizations") or []
        self.distractors = [d for d in data.get("distractors") or [] if isinstance(d, str)]

    def city_of(self, label: str | None) -> str | None:
        n = norm(label)
        for c in self.cities:
            if n and n in {norm(c["name"]), *(norm(m) for m in c.get("mentions") or [])}:
                return str(c["name"])
        return None

    def party_match(self, pred: str, gold: str) -> bool:
        city = self.city_of(pred)
        return (city is not None and city == self.city_of(gold)) or org_match(pred, gold) or near(pred, gold)


def _greedy(pred: list[Any], gold: list[Any], match: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and match(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _event_kind(k: str | None) -> str:
    k = norm(k).replace(" ", "_")
    return EVENT_SYNONYMS.get(k, k)


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of an article's sentences, split once however many missed facts look for theirs."""
    from twingraph.extract.sentences import split_sentences

    return tuple((s.start, s.end, s.text) for s in split_sentences(text))


def _sentence_around(text: str, needle: str) -> str:
    """The sentence of the article that first names `needle`: where a gold fact without evidence was to be found."""
    at = text.find(needle) if needle else -1
    if at < 0:
        return ""
    return next((body for start, end, body in _sentences(text) if start <= at < end), "")


def _gold_sentence(g: dict[str, Any], text: str) -> str:
    if g.get("evidence"):
        return str(g["evidence"])
    for needle in [g.get("name"), *(g.get("mentions") or []), *(g.get("aliases") or [])]:
        found = _sentence_around(text, str(needle or ""))
        if found:
            return found
    return ""


def _describe_gold(kind: str, g: dict[str, Any]) -> str:
    if kind == "partnerships":
        return f"{' – '.join(g['cities'])} {g['type']} ({g.get('status') or '?'}, since {g.get('since') or '-'})"
    if kind == "visits":
        return f"{g['from']} -> {g['to']} (start {g.get('start') or '-'}, size {g.get('size') or '-'})"
    if kind == "agreements":
        return f"{' | '.join(g['parties'])} ({g.get('topic') or ''}, {g.get('date') or '-'})"
    if kind == "events":
        return f"{g['kind']}: {g.get('description') or ''}"
    if kind == "roles":
        return f"{g['name']} of {g['of']} ({g.get('role') or ''})"
    if kind == "cities":
        return f"{g['name']} ({g.get('country') or '?'})"
    return str(g.get("name"))


def score_article(gold: Gold, facts: dict[str, list[Row]], text: str = "", article: str = "") -> Score:
    """Compare the facts read back from the store with one gold file; `text` lets errors quote their sentence."""
    score = Score()

    def tally(
        kind: str,
        pred: list[Any],
        gold_items: list[Any],
        match: Callable[[Any, Any], bool],
        show: Callable[[Any], tuple[str, str]],
    ) -> list:
        pairs = _greedy(pred, gold_items, match)
        c = score.counts[kind]
        c.tp += len(pairs)
        c.fp += len(pred) - len(pairs)
        c.fn += len(gold_items) - len(pairs)
        found, matched = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, p in enumerate(pred):
            if i not in found:
                fact, sentence = show(p)
                score.mismatches.append(Mismatch("fp", kind, fact, sentence, article))
        for j, g in enumerate(gold_items):
            if j not in matched:
                score.mismatches.append(Mismatch("fn", kind, _describe_gold(kind, g), _gold_sentence(g, text), article))
        return pairs

    def attr(name: str, ok: bool, got: object = None, want: object = None, sentence: str = "") -> None:
        a = score.attributes.setdefault(name, [0, 0])
        a[0] += ok
        a[1] += 1
        if not ok:
            score.mismatches.append(Mismatch("attribute", name, f"got {got or '-'}, gold {want}", sentence, article))

    evidence_of: dict[tuple[str, str], str] = {}
    for name in QUERIES:
        for r in facts[name]:
            for column in ("label", "name"):
                if r.get(column):
                    evidence_of.setdefault((name, r[column]), r.get("evidence") or "")

    # Distractor hits count only rows that match no gold fact: a correct fact first seen in a teaser is no hit.
    matched_keys: dict[str, set[str]] = {"cities": set(), "persons": set(), "organizations": set()}
    matched_rows: set[int] = set()

    labels = sorted({r.get("label") or "" for r in facts["cities"]} - {""})
    pairs = tally("cities", labels, gold.cities, lambda p, g: gold.city_of(p) == g["name"],
          lambda p: (p, evidence_of.get(("cities", p), "")))  # fmt: skip
    matched_keys["cities"].update(labels[i] for i, _ in pairs)

    def person_match(p: str, g: dict[str, Any]) -> bool:
        return any(near(p, n) for n in [g["name"], *(g.get("aliases") or [])])

    names = sorted({r.get("name") or "" for r in facts["persons"]} - {""})
    pairs = tally("persons", names, gold.persons, person_match, lambda p: (p, evidence_of.get(("persons", p), "")))
    matched_keys["persons"].update(names[i] for i, _ in pairs)
    roles = sorted({(r.get("name") or "", r.get("of") or "") for r in facts["persons"] if r.get("of")})
    gold_roles = [g for g in gold.persons if g.get("of")]
    tally("roles", roles, gold_roles, lambda p, g: person_match(p[0], g) and gold.party_match(p[1], g["of"]),
          lambda p: (f"{p[0]} of {p[1]}", evidence_of.get(("persons", p[0]), "")))  # fmt: skip

    orgs = sorted({r.get("name") or "" for r in facts["organizations"]} - {""})
    pairs = tally("organizations", orgs, gold.orgs, lambda p, g: org_match(p, g["name"]) or near(p, g["name"]),
                  lambda p: (p, evidence_of.get(("organizations", p), "")))  # fmt: skip
    matched_keys["organizations"].update(orgs[i] for i, _ in pairs)

    def partnership_key(r: Row) -> tuple[frozenset[str | None], str | None]:
        a, b = r.get("cityA"), r.get("cityB")
        return frozenset({gold.city_of(a) or a, gold.city_of(b) or b}), r.get("type")

    seen: set[Any] = set()
    parts = []
    for r in facts["partnerships"]:
        key = partnership_key(r)
        if key not in seen:
            seen.add(key)
            parts.append((key, r))
    gparts = gold.data.get("partnerships") or []

    def show_partnership(p: tuple[Any, Row]) -> tuple[str, str]:
        r = p[1]
        fact = f"{r.get('cityA')} – {r.get('cityB')} {r.get('type')} ({r.get('status')}, since {r.get('since') or '-'})"
        return fact, r.get("evidence") or ""

    partnership_match = lambda p, g: p[0] == (frozenset(g["cities"]), g["type"])  # noqa: E731
    pairs = tally("partnerships", parts, gparts, partnership_match, show_partnership)
    matched_part_keys = {parts[i][0] for i, _ in pairs}
    matched_rows.update(id(r) for r in facts["partnerships"] if partnership_key(r) in matched_part_keys)
    for i, j in pairs:
        r, g = parts[i][1], gparts[j]
        where = f"{' – '.join(g['cities'])}: {g.get('evidence') or r.get('evidence') or ''}"
        if g.get("status"):
            attr("partnership.status", r.get("status") == g["status"], r.get("status"), g["status"], where)
        if g.get("since"):
            attr("partnership.since", date_match(r.get("since"), g["since"]), r.get("since"), g["since"], where)

    visits = list(facts["visits"])
    gvisits = gold.data.get("visits") or []
    pairs = tally(
        "visits",
        visits,
        gvisits,
        lambda p, g: gold.city_of(p.get("from")) == g["from"] and gold.city_of(p.get("to")) == g["to"],
        lambda r: (f"{r.get('from')} -> {r.get('to')} (start {r.get('start') or '-'})", r.get("evidence") or ""),
    )
    matched_rows.update(id(visits[i]) for i, _ in pairs)
    for i, j in pairs:
        r, g = visits[i], gvisits[j]
        where = f"{g['from']} -> {g['to']}: {g.get('evidence') or ''}"
        if g.get("start"):
            attr("visit.start", date_match(r.get("start"), g["start"]), r.get("start"), g["start"], where)
        if g.get("size"):
            attr("visit.size", str(r.get("size") or "") == str(g["size"]), r.get("size"), g["size"], where)

    def agreement_match(p: Row, g: dict[str, Any]) -> bool:
        parties = [x.strip() for x in (p.get("parties") or "").split("|") if x.strip()]
        hits = sum(any(gold.party_match(x, gp) for x in parties) for gp in g["parties"])
        return hits >= min(2, len(g["parties"]))

    agreements = facts["agreements"]
    gagr = gold.data.get("agreements") or []
    shown = lambda r: (f"{r.get('parties')} ({r.get('date') or '-'})", r.get("evidence") or "")  # noqa: E731
    pairs = tally("agreements", agreements, gagr, agreement_match, shown)
    matched_rows.update(id(agreements[i]) for i, _ in pairs)
    for i, j in pairs:
        if gagr[j].get("date"):
            got, want = agreements[i].get("date"), gagr[j]["date"]
            attr("agreement.date", date_match(got, want), got, want, gagr[j].get("evidence") or "")

    events = [r for r in facts["events"] if _event_kind(r.get("kind")) in EVENT_KINDS]
    gevents = [e for e in gold.data.get("other_events") or [] if _event_kind(e.get("kind")) in EVENT_KINDS]
    pairs = tally("events", events, gevents, lambda p, g: _event_kind(p.get("kind")) == _event_kind(g["kind"]),
                  lambda r: (f"{r.get('kind')}: {r.get('description') or ''}", r.get("evidence") or ""))  # fmt: skip
    matched_rows.update(id(events[i]) for i, _ in pairs)

    for name, rows in facts.items():
        for r in rows:
            ev = (r.get("evidence") or "").strip()
            if not ev or not any(ev in d for d in gold.distractors) or id(r) in matched_rows:
                continue
            label = {"cities": r.get("label"), "persons": r.get("name"), "organizations": r.get("name")}.get(name)
            if label is None or label not in matched_keys[name]:
                score.distractor_hits += 1
                fact = r.get("label") or r.get("name") or r.get("kind") or name
                score.mismatches.append(Mismatch("distractor", name, str(fact), ev, article))
    return score


def facts_of_article(path: Path, extractor: Extractor) -> tuple[str, dict[str, list[Row]]]:
    """Ingest one article alone into a temporary store and read its facts back through the contract queries.

    Returns the article's text too, so errors can quote the sentence a missed fact stands in."""
    from twingraph.inputs.articles import read_article_file

    article = read_article_file(path)
    facts = extractor.extract(article)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        store_facts(store, facts)
        rows = {name: _rows(cast(QuerySolutions, store.query(load_query(name).text))) for name in QUERIES}
        del store
    return article.text, rows


def _rows(solutions: QuerySolutions) -> list[Row]:
    out = []
    for solution in solutions:
        row: Row = {}
        for variable in solutions.variables:
            value = solution[variable]
            if value is not None:
                row[variable.value] = value.value
        out.append(row)
    return out


@dataclass(frozen=True)
class ArticleScore:
    name: str
    score: Score


SPLITS = ("all", "tune", "holdout")


def split_names(split_file: Path, split: str) -> tuple[set[str], bool]:
    """The article names of one part of a written-down split: (names, True) keeps them, (names, False) drops them.

    A split file lists the `holdout` articles (never looked at while rules are tuned); `tune` is the rest."""
    if split == "all":
        return set(), False
    if split not in SPLITS:
        raise UserError(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    try:
        data = yaml.safe_load(split_file.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise UserError(f"no split file {split_file}") from None
    except yaml.YAMLError as err:
        raise UserError(f"{split_file}: not valid YAML ({err.__class__.__name__})") from None
    holdout = data.get("holdout") if isinstance(data, dict) else None
    if not isinstance(holdout, list) or not all(isinstance(n, str) for n in holdout):
        raise UserError(f"{split_file}: needs a 'holdout' list of article names")
    return set(holdout), split == "holdout"


def evaluate(
    articles_dir: Path,
    gold_dir: Path,
    only: Iterable[str] = (),
    progress: Callable[[str], None] | None = None,
    split: str = "all",
    split_file: Path | None = None,
) -> tuple[Score, list[ArticleScore]]:
    """Score every gold file in `gold_dir` against the article of the same name in `articles_dir`.

    `split` ("tune" or "holdout") scores one part of the split written in `split_file` (default: `split.yaml`
    beside the gold folder)."""
    if not articles_dir.is_dir():
        raise UserError(f"no articles folder {articles_dir}")
    if not gold_dir.is_dir():
        raise UserError(f"no gold folder {gold_dir}")
    gold_files = sorted(gold_dir.glob("*.yaml"))
    if not gold_files:
        raise UserError(f"{gold_dir} holds no gold .yaml files")
    wanted = set(only)
    part, keep = split_names(split_file or gold_dir.parent / "split.yaml", split)
    extractor = default_extractor()
    total = Score()
    per_article: list[ArticleScore] = []
    for gold_path in gold_files:
        name = gold_path.stem
        if (wanted and name not in wanted) or (split != "all" and (name in part) != keep):
            continue
        candidates = sorted(articles_dir.glob(name + ".*"))
        if not candidates:
            raise UserError(f"{name}: no article in {articles_dir}")
        try:
            data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise UserError(f"{gold_path}: not valid YAML ({err.__class__.__name__})") from None
        if progress:
            progress(name)
        text, facts = facts_of_article(candidates[0], extractor)
        result = score_article(Gold(data or {}), facts, text, name)
        per_article.append(ArticleScore(name, result))
        total.add(result)
    return total, per_article

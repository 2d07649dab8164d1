"""Named bodies: city administrations, offices, councils, associations, funders, companies, clubs, media.

Three forms cover German and English news usage:
- "Stadt Dortmund": the administration of a city;
- German head nouns with their complement: "Büro für internationale Beziehungen", "Dortmunder Kulturbetriebe",
  "Bundesministerium für wirtschaftliche Zusammenarbeit", "Klinikum Dortmund", "Partnerschaftsverein";
- English capitalised runs containing a head noun: "Grantham Twinning Association", "Leeds City Council",
  "Network of Young German Mayors", "Office of the President of Germany", "Leeds United".
Municipal bodies named without their city ("der Stadtrat", "des städtischen Klinikums") take the article's home
city. Venues ("Rathaus", "Barracks") and party labels ("(SPD)") are never organizations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twingraph.extract import lexicon as lx
from twingraph.extract.places import CityRef
from twingraph.gazetteer import gazetteer

_CAP = r"[A-ZÄÖÜ][\w’'&.-]*"
_COMPLEMENT = (
    r"(?:\s+(?:für|zum|zur|der|des|in\s+der|in\s+den)\s+(?:[a-zäöü]+(?:e|en|er|es)\s+)?"
    r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)*"
)
_GERMAN_ORG = re.compile(
    r"(?P<left>(?:(?:städtische[nms]?|[A-ZÄÖÜ][a-zäöü]+er)\s+)?)(?P<head>(?:[A-ZÄÖÜ][\w-]*?(?i:"
    + "|".join(lx.ORG_HEADS_DE)
    + r")|(?-i:"
    + "|".join(h.capitalize() for h in lx.ORG_HEADS_DE)
    + r"))(?:e?s)?)\b(?P<right>"
    + _COMPLEMENT
    + r")"
)
_STADT = re.compile(
    r"(?<![a-zäöüß]{3}e\s)(?<![a-zäöüß]{2}en\s)(?<!mit der\s)\bStadt"
    r"\s+(?P<city>[A-ZÄÖÜ][\w-]+(?:\s+(?:am|an\s+der|bei)\s+[A-ZÄÖÜ][\w-]+)?)"
)
# "Stiftung Deutsch-Polnische Zusammenarbeit", "Verein Städtepartnerschaft Dortmund": a body named after its kind
_NAMED_BODY = re.compile(
    r"\b(?P<head>Stiftung|Verein|Verband|Förderverein|Freundeskreis|Netzwerk|Initiative)"
    r"(?P<name>(?:\s+[A-ZÄÖÜ][\w-]*){1,3}(?:\s+in\s+[A-ZÄÖÜ][\w-]+)?(?:\s+e\.\s?V\.)?)"
)
_RUN = re.compile(
    r"(?:\b[A-ZÄÖÜŻŁ][\w’'&/-]*|\bBVB\b)(?:\s+(?:(?:of|for|and|&)(?:\s+the)?\s+)?(?:[A-ZÄÖÜŻŁ][\w’'&/-]*))*"
)


@dataclass(frozen=True)
class OrgMention:
    name: str
    start: int  # offsets into the text searched
    end: int
    city: str | None  # canonical city name
    kind: str | None = None


def _strip_genitive(word: str) -> str:
    """ "Klinikums" -> "Klinikum", "Stadtrates" -> "Stadtrat" (German genitive of the head noun)."""
    lower = word.lower()
    for head in lx.ORG_HEADS_DE:
        for ending in ("es", "s"):
            if lower.endswith(head + ending) and not lower.endswith(head):
                return word[: -len(ending)]
    return word


def _city_at(refs: list[CityRef], start: int, end: int) -> CityRef | None:
    for ref in refs:
        if ref.start >= start and ref.end <= end:
            return ref
    return None


def _city_named_first(words: list[str]) -> str | None:
    """ "Grantham Twinning Association": the words before the head noun may name the body's city."""
    lowered = [w.lower() for w in words]
    head = next(
        (i for i, w in enumerate(lowered) if w in lx.ORG_HEADS_EN or w in ("twinning", "city", "sister", "twin")), 0
    )
    if head == 0:
        return None
    place = gazetteer().resolve(" ".join(words[:head]))
    return place.name if place else None


def find_organizations(text: str, refs: list[CityRef], home: str | None) -> list[OrgMention]:
    """Organization mentions in one sentence (`refs`: its city references, same offsets)."""
    found: list[OrgMention] = []

    def add(name: str, start: int, end: int, city: str | None, kind: str | None) -> None:
        name = name.strip(" ,.;:„“\"'”")
        if not name or name in lx.PARTY_ABBREVIATIONS or any(v in name.lower() for v in lx.VENUE_WORDS):
            return
        for other in found:
            if other.start <= start and end <= other.end:
                return  # inside a longer name already found
        found[:] = [o for o in found if not (start <= o.start and o.end <= end)]
        found.append(OrgMention(name, start, end, city, kind))

    sentence = text.lower()  # no German head noun in the sentence, no German organization: spare the long pattern
    german = _GERMAN_ORG.finditer(text) if any(h in sentence for h in lx.ORG_HEADS_DE) else ()
    for m in german:
        head = m.group("head")
        lower = _strip_genitive(head).lower()
        left, right = m.group("left"), m.group("right")
        city_ref = _city_at(refs, m.start(), m.end())
        after = text[m.end() : m.end() + 40]
        right_city = re.match(r"\s+(" + _CAP + r")", after)
        exact_head = lower in lx.ORG_HEADS_DE
        municipal = lower in lx.MUNICIPAL_BODIES or left.lower().startswith("städtisch")
        end = m.end()
        name = _strip_genitive(head) + right
        if right_city and any(r.start == m.end() + right_city.start(1) and not r.derived for r in refs):
            end = m.end() + right_city.end(1)
            name = _strip_genitive(head) + right + " " + right_city.group(1)
            city_ref = next(r for r in refs if r.start == m.end() + right_city.start(1))
        if left and not left.lower().startswith("städtisch") and city_ref and city_ref.derived:
            name = left + name
        elif left.lower().startswith("städtisch") and right:
            city_ref = None
        elif left.lower().startswith("städtisch") or (municipal and not right and not city_ref):
            if not home:
                continue
            name = f"{_strip_genitive(head)} {home}"
        elif exact_head and not right and not city_ref:
            continue  # a bare "das Klinikum", "der Verein": not a name
        city = city_ref.place.name if city_ref else (home if municipal else None)
        kind = "council" if "rat" in lower else None
        add(name, m.start() + (0 if left and not left.lower().startswith("städtisch") else len(left)), end, city, kind)

    for m in _NAMED_BODY.finditer(text):
        ref = _city_at(refs, m.start(), m.end())
        add(m.group(0), m.start(), m.end(), ref.place.name if ref else None, "association")

    for m in _STADT.finditer(text):
        ref = _city_at(refs, m.start("city"), m.end("city"))
        if ref and not ref.derived:
            add(m.group(0), m.start(), m.end(), ref.place.name, "administration")

    for m in _RUN.finditer(text):
        run = m.group(0)
        words = run.split()
        lowered = [w.lower().strip("’'") for w in words]
        if not any(w in lx.ORG_HEADS_EN for w in lowered) and not any(w in lx.SPORTS_CLUB_MARKERS for w in words):
            continue
        start = m.start()
        while words and words[0] in ("The", "Der", "Die", "Das", "A", "An", "Mayor", "Councillor", "Coun"):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 and words and words[0].lower() not in ("bundestag", "bundesrat", "landtag"):
            continue
        ref = _city_at(refs, start, m.end())
        add(" ".join(words), start, m.end(), ref.place.name if ref else _city_named_first(words), None)
    return sorted(found, key=lambda o: o.start)

"""Named bodies: city administrations, offices, councils, associations, funders, companies, clubs, media.

The forms German and English news use to name a body:
- "Stadt Dortmund", "the City of Houston": the administration of a city;
- a German head noun (found by its ending: -verein, -amt, -schule, -gesellschaft, ...) with what names it: a city
  ("Klinikum Dortmund", "Landratsamt Karlsruhe"), a proper adjective ("Dortmunder Kulturbetriebe", "Sächsische
  Staatskanzlei"), an acronym or a coordinated compound ("IMEX Speditions- und Handelsgesellschaft"), a complement
  ("Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"); a head that names only a kind of body
  ("eine Grundschule", "die Zeitung") is no name alone;
- a kind of body with its name in quotes ("des Vereins „Kinderhilfe Ukraine“"), a company by its legal form
  ("Wilo SE"), "Friends of X", a coined name before "project" ("Cities4Cities/United4Ukraine");
- English capitalised runs containing a head noun: "Grantham Twinning Association", "Leeds City Council",
  "Network of Young German Mayors", "Office of the President of Germany", "Leeds United"; a title around the run
  ("Leader of ...", "... Council Member") is the person's;
- news outlets named as sources ("SWR-Reporter", "according to the BBC", "Berlin (dpa) -", "передає Паляниця").
The town's own bodies named without their town ("der Stadtrat", "des Rates", "Rat und Verwaltung",
"Partnerschaftsausschuss") take the town the clause names with "in", else the article's home city; "der
Feuerwehren aus A und B" are one body per town. An acronym in parentheses after a name belongs to it. Venues
("Rathaus", "Barracks", "Church Street") and party labels ("(SPD)") are never organizations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from twingraph.extract import lexicon as lx
from twingraph.extract.places import CityRef
from twingraph.gazetteer import gazetteer

_CAP = r"[A-ZÄÖÜ][\w’'&.-]*"
_COMPLEMENT = (
    r"(?:\s+(?:für|zum|zur|der|des|in\s+der|in\s+den)\s+(?:[a-zäöü][\w-]*(?:e|en|er|es)\s+)?"
    r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?"
    r"(?:\s+und\s+(?:(?!(?:der|die|das|den|dem|des)\s)[a-zäöü]+(?:e|en|er|es)\s+)?[A-ZÄÖÜ][\w-]*)?)*"
)  # "für wirtschaftliche Zusammenarbeit und Entwicklung": a coordinated complement belongs to the name; "und der
# Servicestelle" after it starts another body
# Words before a head noun that may belong to the name: "städtischen", derived and proper adjectives ("Tübinger",
# "Sächsische", "Deutsches Rotes"), acronyms ("IMEX"), and the first part of a coordinated compound
# ("Speditions- und Handelsgesellschaft").
_LEFT_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:städtische[nms]?|[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:e|es|er|en|em)|[A-Z]{2,6})\s+)"
    r"{0,2}(?:[A-ZÄÖÜ][\w]*-\s+(?:und|oder)\s+)?$"
    r"|(?<![\w-])[A-ZÄÖÜ][\w]*-\s+(?:und|oder)\s+$"
)
_RIGHT_AFTER = re.compile(_COMPLEMENT)
# A capitalised word that may be a head noun: found by `str.endswith`, which is much faster than a pattern with
# every head in it tried at every capital letter.
_CAP_WORD = re.compile(r"\b[A-ZÄÖÜ][\w-]*")
_HEAD_FORMS = tuple(h + e for h in lx.ORG_HEADS_DE for e in ("", "s", "es"))
# Authorities named after their territory, which may be a district rather than a town.
_TERRITORIAL = ("amt", "verwaltung", "kreistag", "polizei")
_KIND_FORMS = tuple(h + e for h in lx.ORG_HEADS_DE for e in ("", "en", "n", "e"))


@dataclass(frozen=True)
class _Chunk:
    """A German head noun with the words before it that may name it and its complement after it."""

    left: str
    left_start: int
    head: str
    head_start: int
    right: str
    end: int


def _german_chunks(text: str, words: list[re.Match[str]]) -> list[_Chunk]:
    chunks = []
    for word in words:
        if not word.group().lower().endswith(_HEAD_FORMS):
            continue
        before = _LEFT_BEFORE.search(text, max(0, word.start() - 80), word.start())
        left = before.group() if before else ""
        right = _RIGHT_AFTER.match(text, word.end())
        complement = right.group() if right else ""
        chunks.append(
            _Chunk(left, word.start() - len(left), word.group(), word.start(), complement, word.end() + len(complement))
        )
    return chunks


# Capitalised words that start a sentence or a noun phrase without naming anything.
_DETERMINERS = {
    "die", "der", "das", "dem", "den", "des", "eine", "einer", "eines", "einem", "einen", "diese", "dieser", "dieses",
    "diesem", "diesen", "jede", "jeder", "jedes", "jedem", "jeden", "unsere", "unserer", "unseres", "unserem",
    "unseren", "ihre", "ihrer", "ihres", "ihrem", "ihren", "seine", "seiner", "seines", "seinem", "seinen", "alle",
    "allen", "viele", "vielen", "mehrere", "einige", "beide", "beiden", "andere", "anderen", "weitere", "weiteren",
    "keine", "keiner", "welche", "welcher", "aber", "oder", "unter", "über", "hinter", "wieder", "weder", "jener",
}  # fmt: skip
_STADT = re.compile(
    r"(?<![a-zäöüß]{3}e\s)(?<![a-zäöüß]{2}en\s)(?<!mit der\s)\bStadt"
    r"\s+(?P<city>[A-ZÄÖÜ][\w-]+(?:\s+(?:am|an\s+der|bei)\s+[A-ZÄÖÜ][\w-]+)?)"
)
# "the City of McAllen": capitalised, the municipal corporation; "the city of Perm" is the town itself.
_CITY_OF = re.compile(r"\bCity\s+of\s+")
# "Oxford city council", "Wakefield council": a city named before a lower-case council word.
_LOWER_COUNCIL = re.compile(r"\s+(?:(?:city|county|borough|district|town|parish)\s+)?council\b")
# "Stiftung Deutsch-Polnische Zusammenarbeit", "Verein Städtepartnerschaft Dortmund": a body named after its kind
_NAMED_BODY = re.compile(
    r"\b(?P<head>Stiftung|Verein|Verband|Förderverein|Freundeskreis|Netzwerk|Initiative)"
    r"(?P<name>(?:\s+[A-ZÄÖÜ][\w-]*){1,3}(?:\s+in\s+[A-ZÄÖÜ][\w-]+)?(?:\s+e\.\s?V\.)?)"
)
# A company named in apposition to its kind: "die Firma Wilo", "das Unternehmen IMEX", "the firm Arup".
_COMPANY_WORDS = ("Firma", "Unternehmen", "Konzern", "Spedition", "company", "firm", "agency", "agentur", "newspaper")
_COMPANY_APPOSITION = re.compile(
    r"\b(?:Firma|Unternehmen|Konzern|Spedition|company|firm|news\s+agency|Nachrichtenagentur|newspaper)"
    r"\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
)
# An acronym after a determiner is a body's short name: "die GIZ", "das THW", "der DSW21", "the NHS"; the acronym
# of a country ("die USA"), party ("die SPD"), post ("die OB") or document ("the MOU") is not.
_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,6}\d{0,3}(?![\w-])(?!\s+[A-ZÄÖÜ])")
_DETERMINER_BEFORE = re.compile(r"\b(?:der|die|das|dem|den|des|the)\s+$")
# ("the UEFA Champions League": an acronym before a capitalised word modifies another name)
# An acronym before a post is the body the post is in: "CKSCP President Bob Herring", "DRK-Vorsitzender X".
_ACRONYM_BEFORE_POST = re.compile(
    r"(?<![\w-])(?P<acronym>[A-ZÄÖÜ]{2,6}\d{0,3})[\s-](?=(?:President|Chair|Chairman|Chairwoman|Director|Secretary"
    r"|Vorsitzende[rn]?|Präsident(?:in)?|Geschäftsführer(?:in)?|Chef(?:in)?)\b)"
)
# A sister-city society named after its towns: "the Cincinnati-Kharkiv Sister City Partnership" (a body; "the sister
# city partnership" in lower case is the link itself).
_PARTNERSHIP_BODY = re.compile(
    r"\b[A-ZÄÖÜ][\w’'-]*(?:\s+[A-ZÄÖÜ][\w’'-]*)?\s+(?:Sister\s+Cit(?:y|ies)|Twin\s+Towns?|Twinning)\s+Partnership\b"
)
# "Friends of Kharkiv", "the Friends of the Zhytomyr Orchestra": a supporters' society named after what it supports
_FRIENDS_OF = re.compile(r"\bFriends\s+of\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3}")
# A company by its legal form: "Wilo SE", "Müller GmbH & Co. KG", "Acme Ltd", "Förderverein Lwiw e. V."
_LEGAL_FORM = re.compile(
    r"\b(?P<name>(?:[A-ZÄÖÜ][\w&.]*-\s+und\s+|[A-ZÄÖÜ][\w&.-]*\s+){1,4}(?:GmbH(?:\s*&\s*Co\.\s*KG)?|gGmbH|AG|SE|KG|KGaA|e\.\s?V\.|Ltd\.?|"
    r"Inc\.?|plc|LLC))(?!\w|\.\w)"
)
# A kind of body followed by its name in quotes: des Vereins „Kinderhilfe Ukraine“, the charity "Aid Ukraine".
_QUOTED_NAME = re.compile(
    r"\b(?:(?=[A-ZÄÖÜ])[\w-]*?(?i:verein|verband|stiftung|initiative|organisation|projekt|bündnis|netzwerk|gruppe|programm)"
    r"(?:e?s)?|(?:charity|organi[sz]ation|group|association|initiative|project|society|foundation))"
    r"\s+[„\"»“](?P<name>[^\"“”«„]{3,80}?)[\"“”«]"
)
# "Rat der Stadt Leipzig", "des Rates der Partnerstadt", "von Rat und Verwaltung", "Mitglieder des Rates": the town
# council named by its bare head; "Rat" without an article or coordination is advice ("auf Rat von").
_COUNCIL = re.compile(
    r"\b(?:(?P<art>des|dem|der|vom|im)\s+|(?<=von\s))?Rat(?:e?s)?\b"
    r"(?:\s+der\s+(?P<of>Stadt|Gemeinde|Partnerstadt|Partnergemeinde)(?:\s+(?P<city>[A-ZÄÖÜ][\w-]+))?)?"
)
_ADVICE = re.compile(r"(?:\s+(?:seine[rs]?|ihre[rs]?|meine[rs]?|eines|einer)\b|,\s+[^,.]{0,40}\bzu\s+\w+en\b)")
_COUNCIL_COORDINATED = re.compile(r"\bRat\s+und\s+Verwaltung\b")
_RELIGIOUS = re.compile(
    r"(?<![\w-])(?P<adj>(?:(?!(?:Die|Der|Das|Den|Dem|Des|Eine[nmrs]?)\s)[A-ZÄÖÜ][a-zäöü]+(?:e[nrs]?|isch)[\s-]){0,2}(?i:"
    + "|".join(lx.RELIGIOUS_ADJECTIVES)
    + r")e[nrs]?)\s+(?P<head>(?:Kirchen|Kultus|Pfarr)?[Gg]emeinde)\b"
)
# Bodies of one kind in several towns: "der Feuerwehren aus Bruchsal, Ettlingen und Kronau", "der Musikschule aus
# De Bilt": one body per town.
_INDEFINITE_BEFORE = re.compile(r"\b(?:ein|eine|einer|einem|einen|eines|a|an)\s+$", re.IGNORECASE)
_KIND_FROM = re.compile(r"\s+(?:aus|von)\s+")
# A body's acronym in parentheses after its name: "Deutsche Gesellschaft für internationale Zusammenarbeit (GIZ)".
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Za-zÄÖÜ]{2,8}\d{0,3})\)")  # also "(DSW21)"
# A news outlet or agency named as the source: "SWR-Reporter", "according to the BBC", "laut dpa",
# "передає Паляниця". An acronym, or a name the attribution verb governs.
_MEDIA_COMPOUND = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]{1,5}\d?)-(?:Reporter|Reporterin|Korrespondent|Korrespondentin|Redakteur|Redakteurin|"
    r"Interview|Bericht|Recherche|Recherchen|Sendung|Nachrichten|Informationen)"
)
# A news agency in a dateline: "Dortmund (dpa) - ...", "(AFP) –"; lower-case letters there are mostly an
# author's initials ("(bsi)"), so only the agencies' own lower-case sigils count.
_DATELINE = re.compile(r"\s*(?:[A-ZÄÖÜ][\w./-]+\s+){0,2}\((?P<agency>[a-z]{2,4}|[A-Z]{2,5})(?:/[a-z]{2,4})?\)\s*[-–—:]")
_MEDIA_SOURCE = re.compile(
    r"(?:\b(?:according\s+to|reported\s+by|told)\s+(?:the\s+)?|\b(?:laut|berichtet(?:e)?|meldet(?:e)?)\s+(?:der\s+|die\s+|das\s+)?"
    r"|(?:передає|повідомляє|пише|пишуть|за\s+даними|з\s+посиланням\s+на)\s+)"
    r"(?P<name>[A-Z]{2,6}\b|[a-z]{2,4}\b(?=[.,)]|\s*$)|[А-ЯІЇЄҐ][\w’'-]+(?:\s+[А-ЯІЇЄҐ][\w’'-]+)?)"
)
# A coined name before a lower-case kind noun: "the Cities4Cities/United4Ukraine project", "the EuroTwin network".
# A coined name has a digit or a capital inside it, which a nationality adjective ("the German programme") has not.
_BRAND_BEFORE_KIND = re.compile(
    r"\b(?P<name>[A-Z][\w/+-]*(?:\d|[a-z][A-Z])[\w/+-]*)\s+"
    r"(?:project|programme|program|initiative|network|platform|campaign|projekt|programm|initiative|netzwerk)\b"
)
_RUN = re.compile(
    r"(?:\b[A-ZÄÖÜŻŁ][\w’'&/-]*|\bBVB\b)(?:\s+(?:(?:of|for|and|&)(?:\s+the)?\s+)?(?:[A-ZÄÖÜŻŁ][\w’'&/-]*))*"
)
# Cheap substring tests that tell whether a sentence can hold what the longer patterns look for.
_NAMED_BODY_GATE = ("Stiftung", "Verein", "Verband", "Freundeskreis", "Netzwerk", "Initiative")
_LEGAL_FORM_GATE = ("GmbH", " AG", " SE", " KG", "e. V.", "e.V.", "Ltd", "Inc", "plc", "LLC")
_MEDIA_COMPOUND_GATE = ("-Reporter", "-Korrespondent", "-Redakt", "-Interview", "-Bericht", "-Recherche", "-Sendung",
                        "-Nachrichten", "-Informationen")  # fmt: skip
_MEDIA_SOURCE_GATE = ("according", "reported", "told", "laut", "berichte", "meldet", "передає", "повідомляє", "пише",
                      "даними", "посиланням")  # fmt: skip
_BRAND_GATE = ("project", "program", "initiative", "network", "platform", "campaign", "projekt", "netzwerk")
# An English body's run has a capitalised head noun: the sentence's capitalised words tell whether one is there.
_EN_HEADS = frozenset(lx.ORG_HEADS_EN) | {"twinning"}


def _has(text: str, parts: tuple[str, ...]) -> bool:
    return any(p in text for p in parts)


# Words of an English council name that do not name it: "the City Council" alone is no name.
_PLACE_UNIT_EN = ("twinning", "city", "sister", "twin", "borough", "county", "town", "district")
_NOT_BODY_EN = {"street", "road", "lane", "avenue", "square", "drive", "holiday", "holidays", "row", "terrace",
                # a service held, a press conference or release, a post on a blog: events and texts, not bodies
                "memorial", "remembrance", "thanksgiving", "funeral", "wedding", "prayer", "carol", "carols",
                "conference", "release", "facebook", "blog", "gold"}  # fmt: skip
_GENERIC_EN = {
    "high", "primary", "secondary", "elementary", "grammar", "middle", "school", "police", "fire", "department", "band",
    "city", "county", "town", "borough", "district", "parish", "council", "the", "sister", "twin",
}  # fmt: skip


@dataclass(frozen=True)
class OrgMention:
    name: str
    start: int  # offsets into the text searched
    end: int
    city: str | None  # canonical city name
    kind: str | None = None


def _no_body_acronym(letters: str) -> bool:
    """The acronym of a party ("SPD"), a post ("OB"), a document ("MOU") or a thing ("TV", "CEO") names no body."""
    return (
        letters in lx.PARTY_ABBREVIATIONS
        or letters.lower() in lx.ROLE_WORDS
        or letters.lower() in lx.AGREEMENT_WORDS
        or letters in lx.NOT_ORG_ACRONYMS
    )


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
    head = next((i for i, w in enumerate(lowered) if w in lx.ORG_HEADS_EN or w in _PLACE_UNIT_EN), 0)
    if head == 0 or words[head - 1].endswith(("'s", "’s")):
        return None  # "St Mary's Church": a saint's or a person's name in the possessive, not a town
    place = gazetteer().resolve(" ".join(words[:head]))
    return place.name if place else None


_OPENING = re.compile(r"[\s„\"“:–(-]*")  # what may stand before a sentence's first word


def _naming_left(text: str, start: int, left: str, refs: list[CityRef]) -> tuple[str, CityRef | None]:
    """The words before a head noun that belong to the name, and the city a derived adjective among them names.

    Read from the head leftwards: proper adjectives ("Sächsische", "Tübinger"), acronyms ("IMEX") and a coordinated
    compound's first part ("Speditions- und") belong to the name; a determiner or a sentence's first word ("Viele",
    "Neue") does not, unless it is derived from a city.
    """
    tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", left)]
    kept: list[str] = []
    city: CityRef | None = None
    for i in range(len(tokens) - 1, -1, -1):
        at, word = tokens[i]
        ref = next((r for r in refs if r.start == at and r.derived), None)
        initial = bool(_OPENING.fullmatch(text, 0, at))
        if word.endswith("-") or (word in ("und", "oder") and kept and kept[0].endswith("-")):
            pass
        elif ref:
            city = ref
        elif (
            word.lower() in _DETERMINERS
            or word.lower().startswith("städtisch")
            or word in lx.PARTY_ABBREVIATIONS
            or word.lower() in lx.ROLE_WORDS
            or (initial and not word.isupper())
        ):
            break
        kept.insert(0, word)
    if kept and kept[0] in ("und", "oder"):
        kept = kept[1:]
    return " ".join(kept), city


_VENUE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(map(re.escape, lx.VENUE_WORDS))
    + r")|(?:"
    + "|".join(map(re.escape, lx.VENUE_WORDS))
    + r")\b"
)


def _is_venue(name: str) -> bool:
    """ "Rathaus", "Stadthalle", "Town Hall": a venue word starts or ends a word of the name ("Sparkasse" is none)."""
    return bool(_VENUE.search(name.lower()))


_LIST_ITEM = re.compile(r"[A-ZÄÖÜ][\w-]+")
_LIST_GLUE = re.compile(r",\s*(?:und\s+|and\s+)?|\s+(?:und|and)\s+")


def _town_list(text: str, at: int, refs: list[CityRef]) -> list[tuple[str, str | None]]:
    """The towns of a list that starts at `at`: "Bruchsal, Ettlingen, Kronau und Weingarten" -> (surface, name).

    A word the gazetteer does not know counts when towns it knows stand before and after it in the list."""
    items: list[tuple[str, str | None]] = []
    while True:
        ref = next((r for r in refs if r.start == at and not r.derived), None)
        word = None if ref else _LIST_ITEM.match(text, at)
        if ref:
            items.append((ref.surface, ref.place.name))
            at = ref.end
        elif word:
            items.append((word.group(), None))
            at = word.end()
        else:
            break
        glue = _LIST_GLUE.match(text, at)
        if not glue:
            break
        at = glue.end()
    known = [i for i, (_, name) in enumerate(items) if name]
    if not known or known[0] != 0:
        return []
    return items[: known[-1] + 1]


def find_organizations(text: str, refs: list[CityRef], home: str | None) -> list[OrgMention]:
    """Organization mentions in one sentence (`refs`: its city references, same offsets)."""
    found: list[OrgMention] = []

    def add(name: str, start: int, end: int, city: str | None, kind: str | None, *, nested: bool = False) -> None:
        name = name.strip(" ,.;:„“\"'”")
        if not name or name in lx.PARTY_ABBREVIATIONS or _is_venue(name):
            return
        if any(o.name == name for o in found):
            return
        if not nested:
            for other in found:
                if other.start <= start and end <= other.end:
                    return  # inside a longer name already found
            found[:] = [o for o in found if not (start <= o.start and o.end <= end)]
        found.append(OrgMention(name, start, end, city, kind))

    folded = text.lower()
    words = list(_CAP_WORD.finditer(text))
    for chunk in _german_chunks(text, words):
        _german_org(chunk, text, refs, home, add)

    quoted = _QUOTED_NAME.finditer(text) if any(q in text for q in '„"»“') else ()
    for m in quoted:  # a quoted name may name a region or a river: no town of its own
        add(m.group("name"), m.start("name"), m.end("name"), None, "association")

    for m in _NAMED_BODY.finditer(text) if _has(text, _NAMED_BODY_GATE) else ():
        ref = _city_at(refs, m.start(), m.end())
        add(m.group(0), m.start(), m.end(), ref.place.name if ref else None, "association")

    for m in _COMPANY_APPOSITION.finditer(text) if _has(text, _COMPANY_WORDS) else ():
        ref = next((r for r in refs if r.start == m.start("name")), None)
        if not ref:  # "die Firma Dortmund" is no company name
            add(m.group("name"), m.start("name"), m.end("name"), None, "company")

    for m in _ACRONYM_WORD.finditer(text):
        letters = m.group()
        if (
            not _DETERMINER_BEFORE.search(text, max(0, m.start() - 5), m.start())
            or _no_body_acronym(letters)
            or gazetteer().country_code(letters)
        ):
            continue
        add(letters, m.start(), m.end(), None, None)

    for m in _PARTNERSHIP_BODY.finditer(text) if "Partnership" in text else ():
        ref = _city_at(refs, m.start(), m.end())
        name = re.sub(r"^The\s+", "", m.group(0))
        add(name, m.end() - len(name), m.end(), ref.place.name if ref else None, "association")

    for m in _ACRONYM_BEFORE_POST.finditer(text):
        letters = m.group("acronym")
        if not (_no_body_acronym(letters) or gazetteer().country_code(letters)):
            add(letters, m.start(), m.end("acronym"), None, None)

    for m in _FRIENDS_OF.finditer(text) if "Friends" in text else ():
        ref = _city_at(refs, m.start(), m.end())
        add(m.group(0), m.start(), m.end(), ref.place.name if ref else None, "association")

    for m in _LEGAL_FORM.finditer(text) if _has(text, _LEGAL_FORM_GATE) else ():
        name = re.sub(r"^(?:(?:The|Die|Der|Das|Firma|Unternehmen|Company)\s+)+", "", m.group("name"))
        add(name, m.end() - len(name), m.end(), None, "company")

    for word in words:
        lower = word.group().lower()
        if not lower.endswith(_KIND_FORMS) or lower in lx.NOT_ORG_WORDS_DE:
            continue
        after = _KIND_FROM.match(text, word.end())
        if not after or _INDEFINITE_BEFORE.search(text, max(0, word.start() - 8), word.start()):
            continue  # "eine Schule aus Dortmund": some school, not a named one
        head = word.group()
        if not head.lower().endswith(tuple(lx.ORG_HEADS_DE)):
            head = re.sub(r"(?:en|n|e)$", "", head)
            if not head.lower().endswith(lx.ONE_PER_TOWN):
                continue  # "Schulen aus Dortmund": a town has many; "Feuerwehren aus A und B": one each
        for i, (town, city) in enumerate(_town_list(text, after.end(), refs)):
            add(f"{head} {town}", word.start() + i, after.end(), city, None, nested=True)

    for m in _RELIGIOUS.finditer(text) if "emeinde" in text else ():
        adjective = re.sub(r"e[nrs](?=\s|-|$)", "e", m.group("adj"))  # "der Ukrainischen Orthodoxen" -> "-e"
        after = re.match(r"\s+(?:in\s+)?(" + _CAP + r")", text[m.end() : m.end() + 40])
        ref = next((r for r in refs if after and r.start == m.end() + after.start(1) and not r.derived), None)
        city = ref.place.name if ref else home
        add(f"{adjective} {m.group('head')}", m.start(), m.end(), city, "religious community")

    if "Rat" in text:
        _councils(text, refs, home, add)

    for m in _STADT.finditer(text) if "Stadt " in text else ():
        ref = _city_at(refs, m.start("city"), m.end("city"))
        genitive = ref and ref.surface.endswith("s") and not ref.place.name.endswith("s")
        if ref and not ref.derived and not genitive:  # "der Stadt Schytomyrs Bürgermeister" is the town
            add(m.group(0), m.start(), m.end(), ref.place.name, "administration")

    for m in _CITY_OF.finditer(text) if "City" in text else ():
        ref = next((r for r in refs if r.start == m.end() and not r.derived), None)
        if ref:
            add(text[m.start() : ref.end], m.start(), ref.end, ref.place.name, "administration")

    for ref in refs:
        council = _LOWER_COUNCIL.match(text, ref.end)
        if council and not ref.derived and "council" in council.group():
            add(text[ref.start : council.end()], ref.start, council.end(), ref.place.name, "council")

    for m in _MEDIA_COMPOUND.finditer(text) if _has(text, _MEDIA_COMPOUND_GATE) else ():
        if m.group("name") not in lx.PARTY_ABBREVIATIONS:
            add(m.group("name"), m.start("name"), m.end("name"), None, "media")
    dateline = _DATELINE.match(text) if "(" in text[:40] else None
    if dateline and (dateline.group("agency").isupper() or dateline.group("agency") in lx.NEWS_AGENCY_SIGILS):
        add(dateline.group("agency"), dateline.start("agency"), dateline.end("agency"), None, "media")
    for m in _MEDIA_SOURCE.finditer(text) if _has(folded, _MEDIA_SOURCE_GATE) else ():
        add(m.group("name"), m.start("name"), m.end("name"), None, "media")

    for m in _BRAND_BEFORE_KIND.finditer(text) if _has(folded, _BRAND_GATE) else ():
        add(m.group("name"), m.start("name"), m.end("name"), None, None)

    capitalised = {w.group().lower() for w in words}
    english_head = not _EN_HEADS.isdisjoint(capitalised) or _has(text, lx.SPORTS_CLUB_MARKERS)
    for m in _RUN.finditer(text) if english_head else ():
        _english_org(m, text, refs, add)

    for o in list(found):  # "Tübinger Stadtwerke (swt)": the acronym in parentheses belongs to the name
        acronym = _ACRONYM_AFTER.match(text, o.end)
        if acronym is None:
            continue
        letters = acronym.group("acronym")
        country = gazetteer().country_code(letters)  # "(UK)", "(CH)": where the body is, not what it is called
        acronym_like = letters.isupper() or (letters.islower() and len(letters) <= 5)
        if acronym_like and letters not in lx.PARTY_ABBREVIATIONS and not country:
            found[found.index(o)] = OrgMention(f"{o.name} ({letters})", o.start, acronym.end(), o.city, o.kind)
    return sorted(found, key=lambda o: o.start)


Add = Callable[..., None]


def _german_org(chunk: _Chunk, text: str, refs: list[CityRef], home: str | None, add: Add) -> None:
    """A German head noun with what names it: a city, a proper adjective, a complement, or the home city."""
    head = _strip_genitive(chunk.head)
    lower = head.lower()
    if lower in lx.NOT_ORG_WORDS_DE or chunk.head.lower() in lx.NOT_ORG_WORDS_DE:
        return
    if lower in lx.ROLE_WORDS and _starts_person(text[chunk.end :].split()[:3]):
        return  # "Stadtrat Uwe Bremen": a councillor's title before the name, not the council
    left, right = chunk.left, chunk.right
    named_left, derived = _naming_left(text, chunk.left_start, left, refs)
    urban = "städtisch" in left.lower()
    if re.match(r"\s*[„\"»“]", text[chunk.end : chunk.end + 3]) and not right:
        return  # a quoted name follows: _QUOTED_NAME takes it
    start = chunk.head_start - (len(named_left) + 1 if named_left else 0)
    city_ref = _city_at(refs, start, chunk.end)
    right_city = re.match(r"\s+(" + _CAP + r")", text[chunk.end : chunk.end + 40])
    # "Max-Planck-Gymnasium", "Robert-Schumann-Schule": a name joined to the kind by hyphens names the body
    hyphen_named = "-" in head and all(part[:1].isupper() for part in head.split("-"))
    kind_only = not hyphen_named and (lower in lx.ORG_HEADS_DE or any(lower.endswith(h) for h in lx.ORG_KIND_HEADS_DE))
    municipal = lower in lx.MUNICIPAL_BODIES or lower.endswith(lx.MUNICIPAL_SUFFIXES) or urban
    end = chunk.end
    name = head + right
    territory = False
    if right_city and any(r.start == chunk.end + right_city.start(1) and not r.derived for r in refs):
        city_ref = next(r for r in refs if r.start == chunk.end + right_city.start(1))
        end = city_ref.end  # "Gymnasium Bad Soden": the whole name of the town
        pair = next((r for r in refs if r.start == end + 1 and text[end] == "-" and not r.derived), None)
        if pair:
            end = pair.end  # "Partnerschaftsverein Dortmund-Lwiw": a body of two towns is named after both
        name = f"{head}{right} {text[city_ref.start : end]}"
    elif right_city and not right and lower.endswith(_TERRITORIAL) and gazetteer().candidates(right_city.group(1)):
        # "Landratsamt Karlsruhe", "Kreisverwaltung Freudenstadt": an authority named after its district
        end = chunk.end + right_city.end(1)
        name = f"{head} {right_city.group(1)}"
        territory = True
    if named_left:
        name = f"{named_left} {name}"
        if derived:
            city_ref = derived
    elif urban and right:
        city_ref = None
    elif urban or (municipal and not right and not city_ref):
        if not home or (lower == "verwaltung" and not _beside_council(text, chunk)):
            return
        located = _located_in(text, chunk.head_start, refs)
        name = f"{head} {located[0] if located else home}"
        if located:
            add(name, start, end, located[1], "council" if lower.endswith("rat") else None)
            return
    elif kind_only and not city_ref and not territory and (not right or right.split()[0] == "in"):
        return  # a bare "das Klinikum", "der Verein", "eine Grundschule", "ein Amt in der Kirche": not a name
    if city_ref and city_ref.derived and not named_left:
        city_ref = None  # "Klinikum der Dortmunder Partnerstadt": the adjective is not part of the name
    city = city_ref.place.name if city_ref else (home if municipal else None)
    kind = "council" if lower.endswith("rat") else None
    add(name, start, end, city, kind)


_COUNCIL_BEFORE = re.compile(r"\b(?:Rat|\w*rat(?:e?s)?)\s+und\s+(?:der\s+|die\s+)?$")
_COUNCIL_AFTER = re.compile(r"\s+und\s+(?:des\s+|der\s+|dem\s+|den\s+)?(?:Rat|\w*rat)")


def _beside_council(text: str, chunk: _Chunk) -> bool:
    """ "Rat und Verwaltung", "des Ältestenrates und der Verwaltung": a bare "Verwaltung" coordinated with a council
    is the town's administration; alone it may be anyone's ("steht der Verwaltung vor")."""
    before = text[max(0, chunk.left_start - 40) : chunk.left_start]
    return bool(_COUNCIL_BEFORE.search(before) or _COUNCIL_AFTER.match(text, chunk.end))


def _located_in(text: str, at: int, refs: list[CityRef]) -> tuple[str, str] | None:
    """ "In Suhl hat der Stadtrat ...": a town named with "in" earlier in the clause is the body's town.

    Returns its surface form and canonical name."""
    offset = max(text.rfind(mark, 0, at) for mark in ",;:") + 1
    clause = text[offset:at]
    named = re.search(r"\b[Ii]n\s+(?P<town>[A-ZÄÖÜ][\w-]+)\b", clause)
    if not named:
        return None
    ref = next((r for r in refs if r.start == offset + named.start("town") and not r.derived), None)
    if ref:
        return ref.surface, ref.place.name
    place = gazetteer().resolve(named.group("town")) if named.group("town") not in ("Der", "Die", "Das") else None
    return (named.group("town"), place.name) if place else None


def _councils(text: str, refs: list[CityRef], home: str | None, add: Add) -> None:
    """ "Rat der Stadt Leipzig", "des Rates", "Rat und Verwaltung": the town council named by its bare head."""
    coordinated = {m.start() for m in _COUNCIL_COORDINATED.finditer(text)}
    for m in _COUNCIL.finditer(text):
        rat = text.index("Rat", m.start())
        if not (m.group("art") or m.group("of") or rat in coordinated or text[max(0, rat - 4) : rat] == "von "):
            continue
        if not m.group("of") and _ADVICE.match(text, m.end()):
            continue  # "folgte dem Rat seines Vaters", "der Rat, früher zu fahren": advice
        ref = next((r for r in refs if m.group("city") and r.start == m.start("city")), None)
        if m.group("of"):
            of = m.group("of")
            if ref:
                add(f"Rat der {of} {ref.surface}", rat, m.end(), ref.place.name, "council")
            elif of.startswith("Partner"):
                add(f"Rat der {of}", rat, m.end("of"), None, "council")
            elif home:
                add(f"Rat der {of} {home}", rat, m.end("of"), home, "council")
        elif home:
            add(f"Rat {home}", rat, m.end(), home, "council")


def _english_org(m: re.Match[str], text: str, refs: list[CityRef], add: Add) -> None:
    """An English capitalised run with a head noun: "Grantham Twinning Association", "Misono Jogakuin High School"."""
    _english_run(m.group(0).split(), m.start(), refs, add)


def _has_head_en(lowered: list[str]) -> bool:
    return any(w in lx.ORG_HEADS_EN for w in lowered)


def _starts_person(words: list[str]) -> bool:
    """ "Mike Heath" after "University of Cincinnati and": a given name and a word that is no head noun."""
    from twingraph.extract.persons import is_first_name  # persons reads organizations: imported when used

    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[1][:1].isupper()
        and is_first_name(words[0])
        and not any(w.lower().strip("’'") in lx.ORG_HEADS_EN for w in words[1:])
    )


def _english_run(words: list[str], start: int, refs: list[CityRef], add: Add) -> None:
    lowered = [w.lower().strip("’'") for w in words]
    named_twinning = lowered[-1] == "twinning"
    sporting = any(w in lx.SPORTS_CLUB_MARKERS for w in words)
    if not _has_head_en(lowered) and not sporting and not named_twinning:
        return
    # "Leeds Trinity University and the Leeds Teaching Hospitals NHS Trust", "St Mary's Church and the Salvation
    # Army": "and" between two runs that each have a head noun joins two bodies ("Department of Housing and
    # Community", "Wilts and Gloucestershire Standard" keep theirs); "and" before a person's name ends the body.
    for i, word in enumerate(lowered):
        if word not in ("and", "&") or i == 0:
            continue
        rest = i + 2 if i + 1 < len(lowered) and lowered[i + 1] == "the" else i + 1
        left, right = lowered[:i], lowered[rest:]
        person_next = right and _starts_person(words[rest:])
        # "Ukrinform and the Lancashire Telegraph": "and the" opens a new noun phrase with its own head
        new_phrase = rest == i + 2 and _has_head_en(right)
        if person_next or new_phrase or (_has_head_en(left) and _has_head_en(right)):
            _english_run(words[:i], start, refs, add)
            if not person_next:
                _english_run(words[rest:], start + len(" ".join(words[:rest])) + 1, refs, add)
            return
    # "Nottingham City Council Leader", "City Council Member Amy Murray": the run goes on into a title
    for i in range(1, len(lowered)):
        if lowered[i] in lx.ORG_ROLE_AFTER_EN and lowered[i - 1] in lx.ORG_HEADS_EN:
            words, lowered = words[:i], lowered[:i]
            break
    # "Vice Mayor David Mann and City Council": a person's title and name before "and" are not the body's;
    # "Douglas Borough Council and Ballymoney Twinning Association": a town after "and" starts a second name
    if "and" in lowered:
        cut = len(lowered) - 1 - lowered[::-1].index("and")
        after = start + len(" ".join(words[: cut + 1])) + 1
        town_next = any(r.start == after and not r.derived for r in refs)
        if town_next and not any(w in lx.ORG_HEADS_EN for w in lowered[cut + 1 :]):
            words, lowered = words[:cut], lowered[:cut]  # "... Council and Ballymoney": the run goes on into a town
        elif any(w in lx.ROLE_WORDS for w in lowered[:cut]) or (town_next and len(words) - cut > 2):
            if town_next:
                _english_run(words[:cut], start, refs, add)
            start = after
            words, lowered = words[cut + 1 :], lowered[cut + 1 :]
    # "... Twinning Association Sarah Green": a person named after the body's head noun is no part of it
    for i in range(1, len(lowered) - 1):
        if lowered[i - 1] in lx.ORG_HEADS_EN and _starts_person(words[i:]):
            words, lowered = words[:i], lowered[:i]
            break
    # "Paul White of Leeds Grammar School": a person's name before "of" is not the body's
    if len(words) > 3 and lowered[2] == "of" and _starts_person(words[:2]):
        skip = 4 if lowered[3] == "the" else 3
        start += len(" ".join(words[:skip])) + 1
        words, lowered = words[skip:], lowered[skip:]
    while words and words[0] in ("The", "Der", "Die", "Das", "A", "An", "Mayor", "Councillor", "Coun"):
        start += len(words[0]) + 1
        words, lowered = words[1:], lowered[1:]
    # "Leader of Oxford City Council", "Mayor of the Borough Council": a title before "of" is the person's
    if len(words) > 2 and lowered[0] in lx.ROLE_WORDS and lowered[1] == "of":
        skip = 3 if lowered[2] == "the" else 2
        start += len(" ".join(words[:skip])) + 1
        words, lowered = words[skip:], lowered[skip:]
    if len(words) < 2 and words and lowered[0] not in ("bundestag", "bundesrat", "landtag"):
        return
    if named_twinning and not _has_head_en(lowered):
        # "the Chairman of Llandrindod Twinning": a town's twinning association named after the town alone
        city = _city_named_first(words) if len(words) == 2 else None
        if city:
            add(" ".join(words), start, start + len(" ".join(words)), city, "association")
        return
    if all(w in _GENERIC_EN for w in lowered):
        return  # "the City Council", "the High School": which one, the run does not say
    if any(w in _NOT_BODY_EN for w in lowered):
        return  # "Church Street", "School Lane", "Bank Holiday": a street or a day named after a body
    if "partnership" in lowered and len(words) < 3:
        return
    end = start + len(" ".join(words))
    ref = _city_at(refs, start, end)
    add(" ".join(words), start, end, ref.place.name if ref else _city_named_first(words), None)

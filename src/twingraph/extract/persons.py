"""Named persons with their post: "Bürgermeisterin Barbara Brunsing", "Andrii Dranchuk, Mayor of Khotyn".

A name is a known first name followed by a surname (particles "van der", "von" allowed), or any two capitalised
words right after a role word ("OB Serhij Suchomlyn"). Academic titles are dropped. The post comes from the role
word before the name (with the city before it, "Zwickaus Oberbürgermeisterin", or after it, "Bürgermeisterin
Schytomyrs", "Mayor of Grantham") or from an apposition after it ("Ivan Adamenko, Geschäftsführer von Wilo
Ukraine", "Stefan Mühlhofer als geschäftsführender Direktor der Dortmunder Kulturbetriebe", "Fabian Zeuch, der im
Büro für Internationale Beziehung der Stadt Dortmund ..."). Names joined by "und"/"and" share the role before
them; "sein Kollege" shares the employer of the person named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from twingraph.extract import lexicon as lx
from twingraph.extract.organizations import OrgMention
from twingraph.extract.places import CityRef
from twingraph.extract.sentences import Sentence
from twingraph.gazetteer.mentions import VENUE_WORDS

_ROLES = sorted(lx.ROLE_WORDS, key=len, reverse=True)
# German compounds whose head is a post: "Partnerschaftsbeauftragter", "Amtsleiterin", "Pressesprecher".
_COMPOUND_POST = r"[A-ZÄÖÜ][a-zäöüß]+(?:" + "|".join(lx.POST_HEADS_DE) + r")"
_ROLE_ALT = "|".join(re.escape(r) for r in _ROLES) + "|" + _COMPOUND_POST


def role_label(role_text: str) -> str:
    """The English post for a role word as written, compounds by their head ("Partnerschaftsbeauftragtem")."""
    lower = role_text.lower()
    if lower in lx.ROLE_WORDS:
        return lx.ROLE_WORDS[lower]
    for head, label in lx.POST_HEADS_DE.items():
        if lower.endswith(head):
            return label
    return lower


_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Councillor|Coun|Cllr|Sir|Dipl\.-Ing)\.?\s+)"
# role, optional "of X"/"von X"/city genitive, optional comma, titles: right before the name
_ROLE_BEFORE = re.compile(
    r"(?:\b(?P<former>frühere[rn]?|ehemalige[rn]?|former)\s+)?\b(?P<role>" + _ROLE_ALT + r")\b"
    r"(?P<tail>(?:\s+(?:of|to\s+the\s+\w+\s+of|von|der|des)\s+(?:(?:the|der|des)\s+)?"
    r"(?:[a-zäöü]+(?:e|en|er|es)\s+)*(?:[A-ZÄÖÜ]\w*(?:stadt|gemeinde|kommune)\s+|(?:city|town)\s+of\s+)?"
    r"[A-ZÄÖÜŻ][\w’'-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3}"
    r"|\s+(?-i:[A-ZÄÖÜ])[\w-]*s|\s+(?-i:[А-ЯІЇЄҐ])[\w'’-]*)?)"
    r"(?P<retired>\s+a\.\s?D\.)?"  # "Oberbürgermeister a. D.": retired from the post
    r"\s*,?\s*" + _TITLE + r"*$",
    re.IGNORECASE,
)
# The role phrase ends right before the name: search only the text just before it, not the whole sentence
# up to it once per name candidate. No role phrase ("former Deputy Mayor of X Y, Dr.") comes near this length.
_ROLE_REACH = 160
_ROLE_FIRST_WORDS = frozenset(role.split()[0] for role in lx.ROLE_WORDS)
_POST_HEAD = re.compile("(?:" + "|".join(lx.POST_HEADS_DE) + r")\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


def _role_before(text: str, name_start: int) -> re.Match[str] | None:
    start = max(0, name_start - _ROLE_REACH)
    if _ROLE_FIRST_WORDS.isdisjoint(_LETTERS.findall(text[start:name_start].lower())) and not _POST_HEAD.search(
        text, start, name_start
    ):
        return None  # no role word near: the long pattern cannot match
    return _ROLE_BEFORE.search(text, start, name_start)


_ROLE_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,12}\))?"  # "Sabine Poschmann (SPD), Mitglied des Bundestages": a party between
    r"\s*(?:,\s*(?:an?\s+|the\s+|der\s+|die\s+|(?P<owner>(?-i:[A-ZÄÖÜ])[\w-]*(?:\s+(?-i:[A-ZÄÖÜ])[\w-]*)?[’']s\s+))?"
    r"|\s*\(|\s+als\s+(?:\w+\s+)??)"
    r"(?P<role>" + _ROLE_ALT + r")\b(?P<rest>[^,;()]*)",
    re.IGNORECASE,
)
_WORKS_IN = re.compile(
    r"^\s*(?:,\s*(?:der|die)\s+(?:im|in\s+der|beim|bei\s+der|in\s+the)|\s+(?:vom|von\s+der|of\s+the|from\s+the))\s"
)
# "Geraint Davies from Llandrindod Football Club", "Olena Koval aus Lwiw": where a person comes from.
_COMES_FROM = re.compile(r"^\s*,?\s+(?:from|aus)\s+(?:the\s+)?(?=[A-ZÄÖÜ])")
# "Bürgermeister Andrij Sadowyj aus Lwiw", "Mayor Anna Wolfen of Dortmund", "seinen Amtskollegen X aus Lwiw": a
# town or body right after a titled name says whose post it is, whatever city the sentence is set in.
_ORIGIN_AFTER = re.compile(
    r"^\s+(?:(?:from|aus|of|von)\s+(?:the\s+(?:city\s+of\s+|town\s+of\s+)?|der\s+(?:Stadt|Gemeinde)\s+|der\s+|dem\s+)?"
    r"|vom\s+)(?=[A-ZÄÖÜ])"
)
_APPOSITION_CITY = re.compile(r"^\s*,\s*")
_NATIONALITY = {
    "ukrainisch": "UA", "französisch": "FR", "polnisch": "PL", "britisch": "GB", "englisch": "GB",
    "russisch": "RU", "deutsch": "DE", "ukrainian": "UA", "french": "FR", "polish": "PL", "german": "DE",
}  # fmt: skip
MUNICIPAL_OFFICE = "Stadtverwaltung"  # completed with the article's home city by the pipeline
_WORD = re.compile(r"[A-ZÄÖÜŻŁŚ][\w’'-]*|[a-zäöü]+")


@cache
def _first_names() -> frozenset[str]:
    """First names from the gender-guesser name dictionary plus a few transliterations it lacks."""
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=False)
    return frozenset(detector.names) | frozenset(lx.EXTRA_FIRST_NAMES)


def is_first_name(word: str) -> bool:
    first = word.split("-")[0].lower()
    if _CYRILLIC_WORD.match(first):
        return len(first) >= 4 and first.startswith(lx.CYRILLIC_FIRST_NAME_STEMS)
    return first not in lx.NOT_NAMES and first in _first_names()


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int  # offsets into the sentence text
    end: int
    role: str | None = None
    role_text: str | None = None
    of: str | None = None  # canonical city name or organization name
    of_is_city: bool = False
    city_hint: str | None = None  # a city near the role, for posts that belong to a city


_LOWER = "a-zäöüßéèáíóúčšžłńśąøåæ"
_UPPER = "A-ZÄÖÜŻŁŚØÅÆ"
# A given name, also in camel case or hyphenated ("AnnMarie", "Jean-Paul"); a name word, also with an Irish or
# Scottish prefix or a second part ("O’Brien", "McClellan", "Byron-Teare"). Up to three name words follow the
# given name: a middle name, a double surname ("Alexandra Daniela Cid Gonzalez"), particles between them.
_GIVEN = rf"[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME_WORD = rf"(?:O[’']|D[’']|Mc|Mac)?[{_UPPER}][{_LOWER}]+(?:[’'][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:(?:van\s+der|von\s+der|van|von|de|di|da|del|ten|ter|zu)\s+)"
_NAME = re.compile(
    r"(?<![\w’'-])(?P<titles>" + _TITLE + r"*)(?P<first>" + _GIVEN + r")"
    r"(?P<rest>(?:\s+" + _PARTICLE + r"?" + _NAME_WORD + r"(?!\w)){1,3})"
)


@lru_cache(maxsize=256)
def _name_candidates(text: str) -> tuple[re.Match[str], ...]:
    """Every place a name may start, overlapping: "Oberbürgermeister Thomas" fails, "Thomas Westphal" is tried.

    Cached: the context (name_spans) and the person rule read each sentence's candidates.
    """
    found: list[re.Match[str]] = []
    for pattern in (_NAME, _CYRILLIC_NAME) if _CYRILLIC_WORD.search(text) else (_NAME,):
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                break
            found.append(m)
            pos = m.start("first") + 1
    return tuple(sorted(found, key=lambda m: m.start("first")))


_CYRILLIC_WORD = re.compile(r"[а-яіїєґ]")
_CYRILLIC_NAME = re.compile(
    r"(?P<titles>)(?P<first>[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)?)"
    r"(?P<rest>\s+[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)?)"
)
_AND = re.compile(r"^\s*(?:und|and|sowie|&)\s+")


def find_persons(
    sentence: Sentence, refs: list[CityRef], orgs: list[OrgMention], language: str | None
) -> list[PersonMention]:
    """Persons named in one sentence; `refs` and `orgs` use offsets into `sentence.text`."""
    text = sentence.text
    found: list[PersonMention] = []
    # Candidates that start with a known given name go first: "Director of Housing and Community Margaret
    # Geraghty" is Margaret Geraghty, not "Community Margaret".
    candidates = sorted(_name_candidates(text), key=lambda m: not is_first_name(m.group("first")))
    for m in candidates:
        role_before = _role_before(text, m.start())
        if role_before is None and m.group("titles"):
            role_before = _role_before(text, m.start("first"))  # "Douglas Councillor Stephen Pitts": a post as title
        trimmed = _trim_rest(text, m.start("rest"), m.group("rest"), m.end(), refs, orgs, role_before is not None)
        if trimmed is None:
            continue
        first, (rest, end) = m.group("first"), trimmed
        surname = rest.split()[-1]
        start = m.start("first")
        if first.lower() in lx.ROLE_WORDS or first.lower().rstrip(".") in lx.ACADEMIC_TITLES:
            continue  # "Councillor Kevin": the name starts after the title
        known = is_first_name(first)
        if not known and (role_before is None or _looks_like_noun(first) or _looks_like_noun(surname)):
            continue
        if not known and _CYRILLIC_WORD.search(first):
            continue  # Ukrainian nouns are capitalised after a role word too ("голова Дніпра")
        if not _plausible_surname(surname, text[end:], role_before is not None):
            continue  # "Hans Seidel Foundation"
        if re.search(r"\b(?:Prince|King|Queen|St\.?|Sankt|Saint)\s+$", text[: m.start()]):
            continue
        if (first.lower() in lx.NOT_NAMES or surname.lower() in lx.NOT_SURNAMES) and role_before is None:
            continue  # "Mark", "Will", "May" are words, but a post before them makes them names
        if first.lower() in lx.NAME_PARTICLES:
            continue  # "Le Perreux": a particle starts no name
        if surname.lower() in lx.TITLE_ABBREVIATIONS and text[end : end + 1] == ".":
            continue  # "Virginia Gov. Glenn Youngkin": an abbreviated title, not a surname
        if not known and surname.lower() in lx.NOT_NAMES:
            continue
        if any(r.start <= start < r.end for r in refs):
            continue  # a city name ("Sankt Augustin", "San Luis Potosí")
        if any(o.start <= start and end <= o.end for o in orgs):
            continue  # inside an organization name
        if any(f.start <= start < f.end or start <= f.start < end for f in found):
            continue
        found.append(_with_role(text, start, end, first + rest, role_before, refs, orgs))
    found.sort(key=lambda p: p.start)
    found.extend(_surnames_after_titles(text, found, refs, orgs))
    # "Chad and Dennis George": a lone first name coordinated with a full name shares the surname.
    for person in list(found):
        before = text[: person.start]
        lone = re.search(r"\b([A-ZÄÖÜ][a-zäöü]+)\s+(?:und|and)\s+$", before)
        if lone and is_first_name(lone.group(1)) and not any(f.start <= lone.start(1) < f.end for f in found):
            surname = person.name.split()[-1]
            role_before = _role_before(text, lone.start(1))
            shared = _with_role(text, lone.start(1), lone.end(1), lone.group(1), role_before, refs, orgs)
            found.append(
                PersonMention(
                    f"{lone.group(1)} {surname}",
                    lone.start(1),
                    lone.end(1),
                    shared.role,
                    shared.role_text,
                    shared.of,
                    shared.of_is_city,
                    shared.city_hint,
                )
            )
            if person.role is None and shared.role is not None:
                found[found.index(person)] = PersonMention(
                    person.name, person.start, person.end, shared.role, shared.role_text, shared.of
                )
    found.sort(key=lambda p: p.start)
    return _share_roles(text, found)


# A word after a title or post, followed by punctuation, a lower-case word or the end: "Bürgermeister Öhmann die",
# "Mayor Cranley and". The word before is checked against the titles and posts afterwards (cheaper than one
# pattern with every post in it).
_SURNAME_AFTER_WORD = re.compile(r"(?P<title>[\w-]+)\.?\s+(?P<name>" + _NAME_WORD + r")(?=\s*[^\s\w]|\s+[a-zäöü]|\s*$)")
_ROLE_LAST_WORDS = frozenset(role.split()[-1] for role in lx.ROLE_WORDS)
_HONORIFICS = frozenset({"herr", "frau", "mr", "mrs", "ms", "dr", "cllr", "coun"})


# Heads of German compound nouns that a post may precede ("Leiter Bauplanungsamt", "Koordinator
# Städte-Diplomatie"): no surname ends so.
_COMPOUND_NOUN_ENDINGS = re.compile(
    r"(?:amt|ämter|ie|rat|werk|haus|büro|verein|zentrum|ausschuss|referat|stelle|verwaltung|team|bereich|abteilung)$"
)


_TITLE_WORDS = _ROLE_FIRST_WORDS | _HONORIFICS  # the first word of a post, or an honorific


def _surnames_after_titles(
    text: str, found: list[PersonMention], refs: list[CityRef], orgs: list[OrgMention]
) -> list[PersonMention]:
    """Persons named by surname alone right after a title or post: "Bürgermeister Öhmann", "Herr Hinz", "Mayor
    Cranley and Vice Mayor Terekhov". The word must be no given name, city, country, role, organization or noun."""
    from twingraph.gazetteer import gazetteer

    out: list[PersonMention] = []
    if _TITLE_WORDS.isdisjoint(_LETTERS.findall(text.lower())) and not _POST_HEAD.search(text):
        return out  # no title or post word: the long pattern cannot match
    for m in _SURNAME_AFTER_WORD.finditer(text):
        title = m.group("title").lower()
        if title not in _ROLE_LAST_WORDS and title not in _HONORIFICS and not _POST_HEAD.search(title):
            continue
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        lower = name.lower()
        if (
            len(name) < 3
            or is_first_name(name)
            or lower in lx.ROLE_WORDS
            or lower in lx.NOT_NAMES
            or lower in lx.NOT_SURNAMES
            or lower in lx.ORG_HEADS_EN
            or _looks_like_noun(name)
            or _COMPOUND_NOUN_ENDINGS.search(lower)
            or name in gazetteer().non_cities
            or any(f.start <= start < f.end or start <= f.start < end for f in [*found, *out])
            or any(r.start <= start < r.end for r in refs)
            or any(o.start <= start < o.end for o in orgs)
        ):
            continue
        out.append(_with_role(text, start, end, name, _role_before(text, start), refs, orgs))
    return out


_NAME_UNIT = re.compile(r"\s+" + _PARTICLE + r"?(?P<word>" + _NAME_WORD + r")")


def _no_name_word(word: str, surname: bool, titled: bool) -> bool:
    """Whether a word cannot continue a name; as the surname right after a given name, a word such as "German"
    or "Young" can ("Yael German"), and after a post even a month can ("County Architect Fionnuala May")."""
    lower = word.lower()
    words = lx.NOT_NAMES if not surname else set() if titled else lx.NOT_SURNAMES
    return (
        lower in lx.ROLE_WORDS
        or lower in words
        or lower in lx.ORG_HEADS_EN
        or word in VENUE_WORDS
        or _looks_like_noun(word)
    )


def _trim_rest(
    text: str, rest_start: int, rest: str, end: int, refs: list[CityRef], orgs: list[OrgMention], titled: bool
) -> tuple[str, int] | None:
    """The name words after the given name, cut before the first that is no name: a city, a role, organization
    or venue word, a German abstract noun ("Mark Mallory Cincinnati", "Jeff Thomas Chairman" keep two words).
    None when the first word after the given name is already no name ("Vice Mayor", "Douglas Councillor")."""
    units = list(_NAME_UNIT.finditer(rest))
    if not units:
        return rest, end  # a Cyrillic name: its own pattern
    keep = 0
    for k, unit in enumerate(units):
        at = rest_start + unit.start("word")
        if (
            (k > 0 and unit.group().split()[0] == "zu")  # "Olena Koval zu Gast": "zu" after a surname is a phrase
            or _no_name_word(unit.group("word"), surname=k == 0, titled=titled)
            or any(r.start <= at < r.end for r in refs)
            or any(o.start <= at < o.end for o in orgs)
        ):
            break
        keep += 1
    if keep == 0:
        return None
    if keep == len(units):
        return rest, end
    cut = units[keep - 1].end()
    return rest[:cut], rest_start + cut


def _with_role(
    text: str,
    start: int,
    end: int,
    name: str,
    role_before: re.Match[str] | None,
    refs: list[CityRef],
    orgs: list[OrgMention],
) -> PersonMention:
    name = re.sub(r"\s+", " ", name)
    if role_before:
        role_text = role_before.group("role")
        role = role_label(role_text)
        if role in ("mayor", "Lord Mayor") and re.search(r"(?:Vize|Vice)-$", text[: role_before.start("role")]):
            role = "deputy mayor"  # "Vize-Bürgermeisterin": the hyphenated prefix is outside the post word
        if (role_before.group("former") or role_before.group("retired")) and not role.startswith("former"):
            role = "former " + role
        offset = role_before.start()
        of, is_city = _of_in(text, role_before.start("tail"), role_before.end("tail"), refs, orgs)
        if of is None:
            of, is_city = _origin_after(text, end, refs, orgs)
        if of is None:
            of, is_city = _origin_in_relative_clause(text, end, refs)
        if of is None:
            of, is_city = _named_before(text, offset, refs, orgs)
        hint = None
        if of is None and _PARTNER_TOWN.search(text, offset, start):
            hint = "partner"  # "der Bürgermeister der Partnerstadt, X": the home city's partner
        elif of is None and _GROUP.fullmatch(
            role_before.group("tail").split()[-1] if role_before.group("tail") else ""
        ):
            hint = leader_hint(text, offset, refs) or "leader"  # "Leiterin der Delegation war X": its leader
        elif of is None:
            hint = _visited_hint(text, end, refs)
            if hint is None:
                hint = _city_hint(text, offset, refs) if role in lx.CITY_HEAD_ROLES else leader_hint(text, offset, refs)
        after_role = _ROLE_AFTER.match(text[end:])
        if after_role and _names_inside(text, end + after_role.start("role"), end + after_role.end("rest")):
            after_role = None  # ", Director of Housing and Community Margaret Geraghty": the next person's post
        if of is None and after_role:
            later, later_is_city = _of_in(
                text, end + after_role.start("rest"), end + after_role.end("rest"), refs, orgs
            )
            if later:
                of, is_city, hint = later, later_is_city, None
                role_text = f"{role_text}, {after_role.group('role')}"
        if role in lx.NATIONAL_ROLES and (is_city or of is None or _is_country(of)):
            of, is_city, hint = None, False, None  # a president of a body is the body's, of a city the country's
        return PersonMention(name, start, end, role, role_text, of, is_city, hint)
    after = text[end:]
    m = _ROLE_AFTER.match(after)
    if m and _names_inside(text, end + m.start("role"), end + m.end("rest")):
        m = None
    if m:
        role_text = m.group("role")
        role = role_label(role_text)
        of, is_city = _of_in(text, end + m.start("rest"), end + m.end("rest"), refs, orgs)
        if m.group("owner"):  # "Andriy Sadovyi, Lviv's mayor": the possessive names whose post it is
            of, is_city = _of_in(text, end + m.start("owner") - 1, end + m.end("owner"), refs, orgs)
        if role in lx.NATIONAL_ROLES and (is_city or _is_country(of)):
            of, is_city = None, False
        return PersonMention(name, start, end, role, role_text, of, is_city)
    works = _WORKS_IN.match(after)
    if works:
        org = next((o for o in orgs if o.start >= end + works.end() - 1 and o.start - end - works.end() <= 12), None)
        if org:
            return PersonMention(name, start, end, None, None, org.name, False)
    comes = _COMES_FROM.match(after)
    if comes:
        at = end + comes.end()
        org = next((o for o in orgs if o.start == at), None)
        if org:
            return PersonMention(name, start, end, None, None, org.name, False)
        city = next((r for r in refs if r.start == at and not r.derived), None)
        if city:
            return PersonMention(name, start, end, None, None, city.place.name, True)
    apposition = _APPOSITION_CITY.match(after)
    if apposition:
        city = next((r for r in refs if r.start == end + apposition.end() and not r.derived), None)
        if city and re.match(r"\s*,", text[city.end :]):
            return PersonMention(name, start, end, None, None, city.place.name, True)
    return PersonMention(name, start, end)


# Between a city or body and its post: a possessive and one modifier ("Fingal County Council’s Interim Chief
# Executive", "San Luis Potosí Interim Mayor", "Herzliyas Bürgermeisterin", "Wakefield Council leader").
_BEFORE_POST = re.compile(r"(?:[’']s)?\s+(?:(?:[A-Z][a-z]+|[a-zäöü]+(?:e|er|en))\s+)?$|-\s*$")


def _origin_after(text: str, end: int, refs: list[CityRef], orgs: list[OrgMention]) -> tuple[str | None, bool]:
    """The town or body named right after a titled name with "aus", "from", "of", "von": the post's owner."""
    m = _ORIGIN_AFTER.match(text[end:])
    if m is None:
        return None, False
    at = end + m.end()
    org = next((o for o in orgs if o.start == at), None)
    if org:
        return org.name, False
    city = next((r for r in refs if r.start == at and not r.derived and not r.locating), None)
    return (city.place.name, True) if city else (None, False)


# "Olena Koval, who led the delegation from Lviv, ...", "Olena Koval, die mit der Delegation aus Lwiw angereist
# war": a relative clause on the person that names where the guests came from.
# The clause says the person came with the group (led it, travelled with it), not that the person received it
# ("Onay, der die Delegation aus Lwiw begrüßte").
_RELATIVE_ORIGIN = re.compile(
    r"^\s*,\s+(?:who|der|die)\s(?=[^,.;:]{0,80}\b(?:led|headed|came|travell?ed|arrived|angeführt|leitete|führte"
    r"|anführte|kam|reiste|angereist|gekommen|mit\s+der|with\s+the)\b)[^,.;:]{0,60}?\b(?:from|aus)\s+(?:the\s+)?"
    r"(?=[A-ZÄÖÜ])"
)


def _origin_in_relative_clause(text: str, end: int, refs: list[CityRef]) -> tuple[str | None, bool]:
    m = _RELATIVE_ORIGIN.match(text[end:])
    if m is None:
        return None, False
    city = next((r for r in refs if r.start == end + m.end() and not r.derived and not r.locating), None)
    return (city.place.name, True) if city else (None, False)


def _is_country(name: str | None) -> bool:
    from twingraph.gazetteer import gazetteer

    return bool(name) and gazetteer().country_code(name or "") is not None


def _names_inside(text: str, start: int, end: int) -> bool:
    """Whether a name with a known given name starts inside this span of the text."""
    return any(start <= m.start("first") < end and is_first_name(m.group("first")) for m in _name_candidates(text))


def _named_before(text: str, offset: int, refs: list[CityRef], orgs: list[OrgMention]) -> tuple[str | None, bool]:
    """The city or organization named right before a post: whose post it is."""
    candidates = [(o.end, o.name, False) for o in orgs if o.end <= offset]
    candidates += [(r.end, r.place.name, True) for r in refs if r.end <= offset and not r.locating]
    if not candidates:
        return None, False
    end, name, is_city = max(candidates)
    between = text[end:offset] + " "
    if end == offset or _BEFORE_POST.fullmatch(between) or (is_city and offset - end <= 3):
        return name, is_city
    return None, False


_AND_POST = re.compile(r"\s(?:and|und|sowie)\s")


def _of_in(text: str, start: int, end: int, refs: list[CityRef], orgs: list[OrgMention]) -> tuple[str | None, bool]:
    """The organization or city a role phrase names ("der Dortmunder Kulturbetriebe", "of Khotyn")."""
    if start < 0 or end <= start:
        return None, False
    inside = [o for o in orgs if o.start >= start and o.start < end]
    first = next((r for r in refs if start <= r.start < end and not r.derived), None)
    if inside and first and first.end <= inside[0].start and _AND_POST.search(text, first.end, inside[0].start):
        return first.place.name, True  # "an adviser to the mayor of Lviv and representative of X": the first post's
    if inside:
        org = inside[-1] if len(inside) > 1 and inside[-1].end > inside[0].end else inside[0]
        if org.kind == "administration" and org.city:
            return org.city, True  # "Bürgermeisterin der Stadt Lwiw": the town's post, not its office's
        return org.name, False
    cities = [r for r in refs if r.start >= start and r.start < end]
    if cities:
        return cities[-1].place.name, True
    named = re.match(r"\s+(?:(?:von|of|der|des)\s+)?((?:[A-ZÄÖÜ][\w-]+)(?:\s+[A-ZÄÖÜ][\w-]+){0,3})", text[start:end])
    if named and (_PARTNER_TOWN.fullmatch(named.group(1)) or _GROUP.fullmatch(named.group(1))):
        return None, False  # "der Partnerstadt": which town, the article's pair tells; "der Delegation": no body
    if named:
        words = _nominative(named.group(1))
        if re.search(r"amt$", words):  # "Leiter des Rechtsamtes": a municipal office -> the city administration
            return MUNICIPAL_OFFICE, False
        if not re.match(r"\s+(?:von|of|der|des)\s", text[start:end]):
            return None, False
        return words, False
    return None, False


_NOUN_ENDINGS = re.compile(r"(?:ung|ungen|heit|keit|schaft|ion|ismus|tät|ale|ische|ischen|liche|lichen)$")


def _looks_like_noun(word: str) -> bool:
    """German abstract nouns and adjectives ("Internationale Beziehungen") are not names; short words with such an
    ending are ("Jung", "Hoheisel")."""
    return len(word) >= 6 and bool(_NOUN_ENDINGS.search(word.lower()))


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of likely personal names (first name + surname), so that "Rainer" is not read as a place."""
    return [
        (m.start("first"), m.end())
        for m in _name_candidates(text)
        if is_first_name(m.group("first")) and _plausible_surname(m.group("rest").split()[-1], text[m.end() :])
    ]


def _plausible_surname(surname: str, following: str, titled: bool = False) -> bool:
    """Not "Hans Seidel Foundation", "Grantham Twinning Association": a name is not followed by an org head."""
    lower = surname.lower()
    if lower in lx.ORG_HEADS_EN or lower in ("twinning", "city", "stadt") or (lower in lx.NOT_SURNAMES and not titled):
        return False
    after = re.match(r"\s+(\w+)", following[:30])
    if after and after.group(1) in VENUE_WORDS:
        return False  # "Elan Valley Lodge", "Lilin Elementary School"
    return not re.match(r"\s+(?:" + "|".join(lx.ORG_HEADS_EN) + r")\b", following[:30], re.IGNORECASE)


def _nominative(name: str) -> str:
    """ "Robert-Schumann-Hauses" -> "Robert-Schumann-Haus"; "Rechtsamtes" -> "Rechtsamt"."""
    return re.sub(r"(haus|amt|werk|büro)(?:es|s)$", r"\1", name, flags=re.IGNORECASE)


# "Delegation led by Vice Mayor X", "unter der Leitung von Bürgermeisterin X": the person came with the guests.
_LEADS = re.compile(
    r"(?:\b(?:led|headed)\s+by|\bunter\s+(?:der\s+)?Leitung\s+(?:von|des|der)|\bangeführt\s+von|\ban\s+der\s+Spitze"
    # the leading verb before the group it leads: "Angeführt wurde die Delegation aus Lwiw von ..."
    r"|\b(?:angeführt|geleitet|led|headed)\b[^,.;:]{0,50}\s(?:von|by)"
    # a member of the group: "Zur Delegation gehörten", "the delegation included", "Gäste aus X, darunter",
    # "the visiting mayor"
    r"|\b(?:zur|zu\s+der)\s+(?:\w+\s+)?(?:Delegation|Besuchergruppe|Reisegruppe)\s+(?:gehörte|zählte)n?"
    r"|\b(?:delegation|group|party)\s+(?:included|comprised|consisted\s+of|was\s+made\s+up\s+of)"
    r"|\b(?:Gäste|Delegation|Besucher|guests|delegation|visitors)\b[^.;:]{0,40}\b(?:darunter|including|among\s+them)"
    r"|\b(?:among|unter)\s+(?:the|den)\s+(?:guests|visitors|delegates|Gästen|Besuchern|Delegierten)\b[^.;:]{0,40}"
    r"|\bvisiting)"
    r"\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# A partner town named where a city would be: "der Bürgermeister der Partnerstadt", "the mayor of our twin town".
_PARTNER_TOWN = re.compile(
    r"\b(?:Partnerstadt|Partnergemeinde|Partnerkommune|Schwesterstadt|(?:twin|sister|partner)\s+(?:town|city))\b",
    re.IGNORECASE,
)
# "Mayor X visited Leeds", "Bürgermeister X besuchte am Montag Hannover": the subject of a visit is a guest there.
_VISIT_AFTER = re.compile(
    # up to the verb: adverbs, or further names coordinated with this one ("Mayor X and Councillor Y of Z visited")
    r"^(?:[^.;:,]{0,30}?|(?:\s+(?:and|und|sowie|of|von|aus|from)\b|\s+[A-ZÄÖÜ][\w’'.-]*){1,8}\s+)\b(?:besucht\w*|visit(?:ed|s)|kam\w*\s+nach|reist\w*\s+nach|travel{1,2}ed\s+to|came\s+to"
    r"|arrived\s+in)\s+(?:(?:am|on|in|last|this|dem|der|die|the)\s+\w+\s+){0,2}(?=[A-ZÄÖÜ])"
)


_GROUP = re.compile(r"(?:Delegation|Besuchergruppe|Reisegruppe|Gruppe|delegation|group)", re.IGNORECASE)


def _visited_hint(text: str, end: int, refs: list[CityRef]) -> str | None:
    """ "other:X" when the person named up to `end` is the subject of a visit to X: a guest, from X's partner."""
    m = _VISIT_AFTER.match(text[end:])
    if m is None:
        return None
    city = next((r for r in refs if r.start == end + m.end() and not r.derived), None)
    return "other:" + city.place.name if city else None


_ORIGIN = re.compile(r"\b(?:aus|from)\s+(?:\w+\s+){0,2}$")


def leader_hint(text: str, offset: int, refs: list[CityRef]) -> str | None:
    """For the leader of a delegation: its origin ("aus X", "from X"), or "other:Y" for the destination Y the
    sentence names, whose partner city the person comes from; None when the post is not a leader's."""
    if not _LEADS.search(text[max(0, offset - 60) : offset]):
        return None
    usable = [r for r in refs if not r.locating and not r.derived]
    origin = [r for r in usable if _ORIGIN.search(text[max(0, r.start - 30) : r.start])]
    if origin:
        return origin[0].place.name
    return "other:" + usable[0].place.name if usable else "leader"


def _city_hint(text: str, offset: int, refs: list[CityRef]) -> str | None:
    """The city a mayor without explicit city most likely heads: a nationality word, else the nearest city."""
    leader = leader_hint(text, offset, refs)
    if leader:
        return leader
    clause = text[max(0, offset - 60) : offset].lower()
    for word, code in _NATIONALITY.items():
        if word in clause:
            return "country:" + code
    # "die Delegation aus Schytomyr ... von Bürgermeisterin X", "The Lviv delegation was hosted by Lord Mayor X":
    # the guests' city is not the host's
    guests = [r for r in refs if not r.locating and _is_guests_origin(text, r)]
    hosts = [r for r in refs if not r.locating and r.end <= offset and r not in guests]  # named before the post
    if not hosts:
        return "guests:" + guests[0].place.name if guests else None
    return min(hosts, key=lambda r: abs(r.start - offset)).place.name


_GUEST_NOUN_AFTER = re.compile(r"\s+(?:delegation|group|guests|visitors|Delegation|Gruppe|Gäste|Besucher)\b")


def _is_guests_origin(text: str, ref: CityRef) -> bool:
    """ "aus Schytomyr", "from Lviv", "the Lviv delegation", "die Lwiwer Gäste": where the guests come from."""
    return bool(
        re.search(r"\b(?:aus|from)\s+(?:\w+\s+){0,2}$", text[max(0, ref.start - 30) : ref.start])
        or _GUEST_NOUN_AFTER.match(text, ref.end)
    )


def _share_roles(text: str, found: list[PersonMention]) -> list[PersonMention]:
    """Coordinated names share the role before the first and the employer after the last."""
    out = list(found)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        between = text[prev.end : cur.start]
        if _AND.match(between) and cur.role is None and prev.role is not None and between.strip() in ("und", "and"):
            out[i] = PersonMention(cur.name, cur.start, cur.end, prev.role, prev.role_text, prev.of, prev.of_is_city,
                                   prev.city_hint)  # fmt: skip
        elif (
            re.fullmatch(r"\s*(?:,|,?\s*(?:und|and|sowie))\s+(?:[\w.-]+\s+){0,3}", between)
            and cur.of is None
            and cur.city_hint is None
            and prev.of is None
            and prev.city_hint
        ):  # "Zur Delegation gehörten Bürgermeister X und Stadträtin Y": the list shares where it came from
            out[i] = PersonMention(cur.name, cur.start, cur.end, cur.role, cur.role_text, None, False, prev.city_hint)
        elif re.search(r"\b(?:sein|ihr)e?\s+(?:Kollege|Kollegin)\b", between) and cur.of is None and prev.of:
            out[i] = PersonMention(cur.name, cur.start, cur.end, cur.role, cur.role_text, prev.of, prev.of_is_city)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        between = text[cur.end : nxt.start]
        if between.strip() in ("und", "and") and cur.of is None and nxt.of is not None and nxt.role is None:
            out[i] = PersonMention(cur.name, cur.start, cur.end, cur.role, cur.role_text, nxt.of, nxt.of_is_city)
    return out

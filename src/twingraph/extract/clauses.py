"""Small helpers shared by the relation rules: clauses, cue search, trigger words, heading verbs."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from twingraph.extract.sentences import Sentence

# A relative clause or a new statement starts a new clause: ", die ... soll" belongs to the noun before it.
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:die|der|das|welche[rs]?|which|who|that|wobei|nachdem|weil)\b)|;|:\s+(?=[A-ZÄÖÜ„“\"])"
)
# Headlines that slip through the article reader carry no facts unless they say something: they need a verb.
_HEADING_VERB = re.compile(
    r"\b(?:ist|sind|war|waren|wird|werden|hat|haben|is|are|was|were|has|have|will|bekommt|erhält)\b"
    r"|\b[a-zäöüß]{3,}t\b|\b(?:geschlossen|unterzeichnet|vereinbaren|unterzeichnen|besuchen|reisen|"
    r"schicken|spenden|re-sign|sign|signed|visit|visits|visited|welcomed)\b"
)


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence."""
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append(m.end())
    bounds.append(len(text))
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def clause_of(text: str, offset: int) -> tuple[int, int]:
    for start, end in clauses(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)


@lru_cache(maxsize=8192)
def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    """Does any of these regular expressions occur (case-blind) in the text? (Cached: the status, event and
    agreement rules ask the same clause about the same cues several times.)"""
    return bool(_cue_pattern(cues).search(text))


def says_something(sentence: Sentence) -> bool:
    """Body sentences always; a heading-like line only when it has a verb."""
    return not sentence.heading or bool(_HEADING_VERB.search(sentence.text))


_WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lower-case word) for the words of a text; hyphenated compounds stay one word."""
    return tuple((m.start(), m.end(), m.group(0).lower().strip("-’'")) for m in _WORD.finditer(text))


def last_part(word: str) -> str:
    """'dortmund-fahrt' -> 'fahrt': the head of a hyphenated compound."""
    return word.rsplit("-", 1)[-1]

"""Inflected forms of city names: the German genitive and Ukrainian/Russian case endings.

A text writes "Dortmunds", "Schytomyrs", "Дніпра", "Кельном", "Києві", "Львова"; the gazetteer knows
the nominative. These functions propose the nominatives a word may come from; the caller keeps the
first one that is a known name, so a wrong guess costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from twingraph.gazetteer.text import is_cyrillic

# Longest first, so "Дніпром" loses "ом", not just "м".
_CYRILLIC_ENDINGS = (
    "ові",
    "еві",
    "ому",
    "ого",
    "ом",
    "ем",
    "єм",
    "ою",
    "ею",
    "ах",
    "ям",
    "ам",
    "і",
    "у",
    "ю",
    "а",
    "я",
    "е",
    "и",
    "ї",
)
_NOMINATIVE_ENDINGS = ("", "о", "а", "ь", "е", "я", "і", "и")
# Ukrainian closed syllables alternate: Київ -> Києва, Львів -> Львова, Харків -> Харкова.
_ALTERNATIONS = {"є": "ї", "о": "і", "е": "і"}


def english_possessive(word: str) -> str | None:
    """ "Oxford’s" -> "Oxford", "Windsor's" -> "Windsor"; None where the word has no possessive ending."""
    if len(word) > 4 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return None


def german_genitive(word: str) -> str | None:
    """'Dortmunds' -> 'Dortmund'; None where the word cannot be a genitive in -s."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and word[0].isupper():
        return word[:-1]
    return None


def cyrillic_nominatives(word: str) -> Iterator[str]:
    """Nominatives a Cyrillic case form may come from, most likely first."""
    if not is_cyrillic(word) or len(word) < 4:
        return
    for ending in _CYRILLIC_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        if len(stem) < 3:
            continue
        for nominative in _NOMINATIVE_ENDINGS:
            yield stem + nominative
        if len(stem) >= 3 and stem[-2] in _ALTERNATIONS:
            yield stem[:-2] + _ALTERNATIONS[stem[-2]] + stem[-1]

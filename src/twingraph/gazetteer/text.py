"""Folding and tokenising shared by the index and the mention finder."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path

WORD = re.compile(r"\w+")
# What may stand between the words of a multiword name: "Bad Soden-Salmünster", "Kup'yans'k", "St. Gallen".
GAP = re.compile(r"[\s\-‐–'’.]{1,3}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class _FoldTable(dict[int, str]):
    """str.translate table computed per character on first sight (folding 700k names char by char is slow)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf":  # invisible marks: "Granada\u200e" is Granada
            folded = ""
        elif category == "Pd":  # every dash folds to a hyphen: "Trois‐Rivières" (U+2010)
            folded = "-"
        else:
            decomposed = unicodedata.normalize("NFKD", char.replace("ß", "ss").casefold())
            folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def clean_name(text: str) -> str:
    """A name as tables should have written it: no invisible marks, plain hyphens, single spaces, composed."""
    if not text.isascii():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf").translate(_HYPHENS)
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Żagań' -> 'zagan', 'Köln' -> 'koln', 'Straße' -> 'strasse'."""
    if text.isascii():
        return text.lower().strip()
    return unicodedata.normalize("NFC", text).translate(_FOLD).strip()


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(unicodedata.normalize("NFC", text)))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.match(word))


@cache
def stop_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Function words ("die", "auch", "the") of these languages from jusText's stop lists, as written there.

    jusText is a dependency of the HTML reader; its lists are read as files, without importing it: its import
    needs the HTML cleaner, which plain text extraction must not depend on."""
    spec = find_spec("justext")
    folders = list(spec.submodule_search_locations or []) if spec else []
    words: set[str] = set()
    for folder in folders:
        for language in languages:
            path = Path(folder) / "stoplists" / f"{language}.txt"
            if path.is_file():
                words.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    return frozenset(words)

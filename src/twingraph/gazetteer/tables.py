"""The gazetteer's prebuilt lookup tables (data/gazetteer/index.txt): written by the build, read in a blink.

Folding and tokenising 700,000 names takes seconds, so the build does it once. index.txt holds sections
`## NAME COUNT`, each followed by COUNT pairs of lines: a key, then its value. Values are place numbers
(line numbers of places.tsv, which is sorted by population, so a smaller number is a larger place);
multiword entries list `remaining words:place` alternatives. Reading is a split and a dict(zip()),
values are parsed on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from twingraph.gazetteer.text import fold, words

OWN, ALTERNATE, TEXT_OWN, TEXT_ALTERNATE, MULTI = "own", "alternate", "text-own", "text-alternate", "multi"
SECTIONS = (OWN, ALTERNATE, TEXT_OWN, TEXT_ALTERNATE, MULTI)


class PlaceNumbers:
    """Key -> place numbers, smallest (most populous) first; parsed from the raw text on first use."""

    def __init__(self, raw: Callable[[], dict[str, str]]) -> None:
        self._make_raw: Callable[[], dict[str, str]] | None = raw
        self._raw_table: dict[str, str] = {}
        self._parsed: dict[str, list[int]] = {}

    @property
    def _raw(self) -> dict[str, str]:
        if self._make_raw is not None:  # the section's lines become a dict on the first lookup
            self._raw_table, self._make_raw = self._make_raw(), None
        return self._raw_table

    def get(self, key: str) -> list[int]:
        found = self._parsed.get(key)
        if found is None:
            value = self._raw.get(key)
            if value is None:
                return []
            found = self._parsed[key] = [int(n) for n in value.split(",")]
        return found

    def raw_items(self) -> Iterable[tuple[str, str]]:
        """(key, comma-separated place numbers) for every key as built (not the ones `add` put in)."""
        return self._raw.items()

    def __contains__(self, key: str) -> bool:
        return key in self._parsed or key in self._raw

    def add(self, key: str, number: int) -> None:
        found = self.get(key)
        if number not in found:
            self._parsed[key] = sorted([*found, number])


class MultiwordForms:
    """(first word, second word) -> [(all words, place number)], longest name first."""

    def __init__(self, raw: Callable[[], dict[str, str]]) -> None:
        self._raw = raw()
        self._parsed: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}

    def get(self, first: str, second: str) -> list[tuple[tuple[str, ...], int]]:
        key = (first, second)
        found = self._parsed.get(key)
        if found is None:
            value = self._raw.get(f"{first} {second}")
            if value is None:
                return []
            found = []
            for item in value.split("|"):
                rest, number = item.rsplit(":", 1)
                found.append(((first, second, *rest.split()), int(number)))
            self._parsed[key] = found
        return found

    def add(self, tokens: tuple[str, ...], number: int) -> None:
        found = [*self.get(tokens[0], tokens[1]), (tokens, number)]
        found.sort(key=lambda item: (-len(item[0]), item[1]))
        self._parsed[(tokens[0], tokens[1])] = found


def read_tables(path: Path) -> dict[str, Callable[[], dict[str, str]]]:
    """Section name -> a function making its key -> value dict (called when the section is first needed)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    tables: dict[str, Callable[[], dict[str, str]]] = {}
    at = 0
    while at < len(lines):
        header = lines[at]
        if not header.startswith("## "):
            at += 1
            continue
        _, name, count = header.split(" ")
        start, end = at + 1, at + 1 + 2 * int(count)
        tables[name] = partial(_pairs, lines, start, end)
        at = end
    return tables


def _pairs(lines: list[str], start: int, end: int) -> dict[str, str]:
    block = iter(lines[start:end])
    return dict(zip(block, block, strict=True))


def write_tables(path: Path, places: Iterable[tuple[list[str], list[str], list[str]]]) -> None:
    """Index each place's (own names, alternates a text may use, alternates for resolve() only)."""
    numbers: dict[str, dict[str, list[int]]] = {name: {} for name in (OWN, ALTERNATE, TEXT_OWN, TEXT_ALTERNATE)}
    multi: dict[str, list[tuple[int, str, int]]] = {}

    def put(section: str, key: str, number: int) -> None:
        bucket = numbers[section].setdefault(key, [])
        if not bucket or bucket[-1] != number:
            bucket.append(number)

    for number, (own, in_text, other) in enumerate(places):
        for forms, keys_section, text_section in ((own, OWN, TEXT_OWN), (in_text, ALTERNATE, TEXT_ALTERNATE)):
            for form in forms:
                put(keys_section, fold(form), number)
                tokens = words(form)
                if len(tokens) == 1:
                    put(text_section, tokens[0], number)
                elif tokens:
                    entry = (len(tokens), " ".join(tokens[2:]), number)
                    multi.setdefault(f"{tokens[0]} {tokens[1]}", []).append(entry)
        for form in other:
            put(ALTERNATE, fold(form), number)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for section, table in numbers.items():
            f.write(f"## {section} {len(table)}\n")
            for key in sorted(table):
                f.write(f"{key}\n{','.join(map(str, table[key]))}\n")
        f.write(f"## {MULTI} {len(multi)}\n")
        for key in sorted(multi):
            entries = sorted(dict.fromkeys(multi[key]), key=lambda e: (-e[0], e[2]))
            f.write(f"{key}\n{'|'.join(f'{rest}:{number}' for _, rest, number in entries)}\n")

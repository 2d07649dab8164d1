"""Country names and ISO codes: 'Ukraine', 'United Kingdom', 'UA' -> the code cities are filed under."""

from __future__ import annotations

from pathlib import Path

from twingraph.gazetteer.text import fold


class Countries:
    """ISO 3166-1 alpha-2 codes with English names and the aliases twin-town tables use."""

    def __init__(self, path: Path, other_names: Path | None = None) -> None:
        self.names: dict[str, str] = {}
        self._codes: dict[str, str] = {}
        self._names_and_aliases: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            code, name, aliases = ([*line.split("\t"), "", ""])[:3]
            self.names[code] = name
            self._names_and_aliases.update((name, *filter(None, aliases.split("|"))))
            for form in (code, name, *filter(None, aliases.split("|"))):
                self._codes[fold(form)] = code
        if other_names is not None and other_names.exists():
            # German, Ukrainian and Russian names: "Deutschland", "Україні" (code,name lines)
            for line in other_names.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#") and not line.startswith("code,"):
                    code, name = line.split(",", 1)
                    self._codes[fold(name)] = code
                    self._names_and_aliases.add(name)

    def code(self, name_or_code: str | None) -> str | None:
        """The ISO code for a country name, alias or code; None when unknown."""
        if not name_or_code:
            return None
        return self._codes.get(fold(name_or_code))

    def all_names(self) -> set[str]:
        """English names and aliases (not codes): words that name a country, never a city."""
        return set(self._names_and_aliases)

"""Inputs that the web throws at twingraph: mixed scripts, RTL and zero-width characters, NUL bytes,
truncated and deeply nested HTML, enormous sentences, broken JSON Lines.

Hypothesis draws a seed and a shape; the bulk of each input is built from `random.Random(seed)`. Drawing
every character through hypothesis costs ~10 ms an input, which would put 10,000 inputs out of the suite's
time budget; the seeds are still drawn under the derandomized profile, so every run sees the same inputs.
"""

from __future__ import annotations

import json
import random

from hypothesis import strategies as st

# Pieces that exercise the readers' and extractor's rules: city names in several scripts and case forms,
# dates, partnership words, sentence ends, and characters that often break text handling.
WORDS = (
    "Dortmund", "Schytomyr", "Schytomyrs", "Zhytomyr", "Житомир", "Київ", "Kiew", "Leeds", "Köln", "Дніпро",
    "Städtepartnerschaft", "Solidaritätspartnerschaft", "twin town", "partnership", "Delegation", "besuchte",
    "visited", "signed", "Memorandum", "Bürgermeister", "mayor", "am 19. Juni 2023", "2023-02-01", "seit 1960",
    "Februar 2023", "12.03.2024", "sechsköpfige", "Feuerwehrfahrzeuge", "50.000 Euro", "Mr.", "Dr.", "St.",
    "Stadt Dortmund", "Oberbürgermeister Thomas Westphal", "Amiens", "Zwickau", "Bad Soden-Salmünster",
    "العربية", "עברית", "中文", "日本語", "한국어", "Ελληνικά", "ẞ", "ﬁ", "İstanbul", "e\u0301", "👩‍👩‍👧",
)  # fmt: skip
ODD_CHARACTERS = (
    "\u202e", "\u202d", "\u202c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\x07",
    "\x1b", "\x7f", "\u0085", "\u2028", "\u2029", "\r", "\r\n", "\t", "\ufffd", "\U0001f600", "\x0c", "\uffff",
)  # fmt: skip
PUNCTUATION = (". ", "! ", "? ", ": ", "; ", ", ", " – ", "„", "“", "«", "»", '"', "'", "(", ")", "\n", "\n\n")
TAGS = (
    "div", "p", "span", "article", "main", "section", "h1", "h2", "a", "b", "i", "table", "tr", "td", "li",
    "ul", "script", "style", "noscript", "iframe", "template", "svg", "math", "title", "head", "body", "html",
)  # fmt: skip
PLANES = ((0x20, 0x7F), (0xA0, 0x2FF), (0x370, 0x52F), (0x590, 0x6FF), (0x4E00, 0x4FFF), (0x1F300, 0x1F6FF))

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def random_character(rng: random.Random) -> str:
    """Any code point but a surrogate (text from a reader is always valid Unicode), often from busy scripts."""
    if rng.random() < 0.3:
        code = rng.randrange(0x110000)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
    low, high = rng.choice(PLANES)
    return chr(rng.randrange(low, high))


def piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(WORDS)
    if roll < 0.6:
        return rng.choice(ODD_CHARACTERS)
    if roll < 0.8:
        return rng.choice(PUNCTUATION)
    return "".join(random_character(rng) for _ in range(rng.randint(1, 10)))


def mixed_text(rng: random.Random, most: int = 40) -> str:
    return " ".join(piece(rng) for _ in range(rng.randint(0, most)))


def enormous_sentence(rng: random.Random) -> str:
    """One sentence of up to ~200 KB: a phrase repeated with no sentence end in sight."""
    phrase = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
    return "Schytomyr und Dortmund: " + (phrase + " ") * rng.randint(100, 8_000)


def article_text(rng: random.Random) -> str:
    """Mostly small mixed text, sometimes a headline and paragraphs, now and then one enormous sentence."""
    kind = rng.randrange(25)
    if kind == 0:
        return enormous_sentence(rng)
    if kind < 10:
        paragraphs = [mixed_text(rng) for _ in range(rng.randint(1, 5))]
        return mixed_text(rng, 8) + "\n\n" + "\n\n".join(paragraphs)
    return mixed_text(rng)


def html_page(rng: random.Random) -> str:
    """An HTML page: well formed, truncated anywhere, nested thousands deep, or with stray markup."""
    title = mixed_text(rng, 8)
    body = "".join(f"<p>{mixed_text(rng)}</p>" for _ in range(rng.randint(0, 6)))
    tag = rng.choice(TAGS)
    depth = rng.choice((0, 0, 0, 3, 50, 300, 3000))
    body = f"<{tag}>" * depth + body + f"</{tag}>" * rng.randint(0, depth)
    body += "".join(f'<{rng.choice(TAGS)} class="{mixed_text(rng, 3)}">' for _ in range(rng.randint(0, 5)))
    charset = rng.choice(("utf-8", "iso-8859-1", "windows-1252", "bogus-charset", ""))
    meta = f'<meta charset="{charset}">' if charset else ""
    page = (
        f"<!doctype html><html><head>{meta}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    if rng.random() < 0.5:
        page = page[: rng.randint(0, len(page))]
    return page


def _json_value(rng: random.Random) -> object:
    return rng.choice((mixed_text(rng, 6), rng.randint(-(10**12), 10**12), None, [1, 2], {"a": 1}, True, 1.5))


def jsonl_batch(rng: random.Random) -> bytes:
    """A JSON Lines batch of good, odd and broken lines."""
    lines: list[bytes] = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(10)
        if kind == 0:
            lines.append(rng.randbytes(rng.randint(0, 60)).replace(b"\n", b" "))  # not JSON, maybe not UTF-8
            continue
        if kind == 1:
            lines.append(json.dumps(_json_value(rng)).encode())
            continue
        record: dict[str, object] = {}
        for name in ("url", "title", "published", "language", "publisher"):
            if rng.random() < 0.5:
                record[name] = _json_value(rng)
        if rng.random() < 0.5:
            record["published"] = rng.choice(("2023-02-01", "2023", "2023-13-45", "gestern", "", "0000-00-00"))
        body = rng.randrange(5)
        if body < 3:
            record["text"] = article_text(rng)
        elif body == 3:
            record["html"] = html_page(rng)
        else:
            record["text"] = _json_value(rng)
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8")
        if rng.randrange(10) == 0:
            line = line[: rng.randint(0, len(line))]
        lines.append(line)
    return b"\n".join(lines) + b"\n"


def file_bytes(rng: random.Random) -> bytes:
    """What a text file in a batch may hold: text in several encodings, raw bytes, BOMs, NULs, cut anywhere."""
    text = article_text(rng)
    encoding = rng.choice(("utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"))
    data = text.encode(encoding, errors="replace")
    mangle = rng.randrange(10)
    if mangle == 0:
        return rng.randbytes(rng.randint(0, 400))
    if mangle == 1:
        return data[: rng.randint(0, len(data))]
    return data


def built(builder: object) -> st.SearchStrategy:
    """A strategy of inputs made by `builder(random.Random(seed))` from a drawn seed."""
    return seeds.map(lambda seed: builder(random.Random(seed)))  # type: ignore[operator]

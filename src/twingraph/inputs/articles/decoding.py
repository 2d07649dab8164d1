"""Bytes -> text: BOMs, UTF-8, a Latin-1 fallback, and refusing binary files and oversized inputs."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one article; far above any news page, low enough to stay fast

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class UndecodableError(ValueError):
    """The bytes are not text this reader accepts; the message is for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warning: str | None = None


def size_problem(size: int, limit: int = MAX_ARTICLE_BYTES) -> str | None:
    if size > limit:
        return f"too large ({size / 1024 / 1024:.1f} MB; the limit for one article is {limit // 1024 // 1024} MB)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 shows NULs in every other byte; which half tells the byte order."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even == 0:
        return "utf-16-le"
    if even > 0.3 * half and odd == 0:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, *, html: bool = False) -> DecodedText:
    """Decode an article's bytes; raises UndecodableError for empty and binary input."""
    if not data.strip():
        raise UndecodableError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(_check_text(data.decode(encoding, errors="replace")), encoding)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UndecodableError(f"binary file ({what}), not text or HTML")
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise UndecodableError("binary file (contains NUL bytes), not text or HTML")
        return DecodedText(_check_text(data.decode(utf16, errors="replace")), utf16)
    try:
        return DecodedText(_check_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared and declared not in ("utf-8", "utf_8"):
        return DecodedText(_check_text(data.decode(declared, errors="replace")), declared)
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warning = "not UTF-8; read as Latin-1 (Windows-1252): check umlauts and quotes"
    return DecodedText(_check_text(text), encoding, warning)


def _check_text(text: str) -> str:
    sample = text[:8192]
    if not sample.strip():
        raise UndecodableError("empty file")
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise UndecodableError("binary file (control characters), not text or HTML")
    return text

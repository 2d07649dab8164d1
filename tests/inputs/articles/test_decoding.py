from __future__ import annotations

import codecs

import pytest

from twingraph.inputs.articles.decoding import MAX_ARTICLE_BYTES, UndecodableError, decode_text, size_problem

TEXT = "Die Städtepartnerschaft zwischen Dortmund und Schytomyr wurde im Februar 2023 beschlossen."


def test_utf8() -> None:
    decoded = decode_text(TEXT.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warning) == (TEXT, "utf-8", None)


def test_utf8_bom_is_removed() -> None:
    assert decode_text(codecs.BOM_UTF8 + TEXT.encode("utf-8")).text == TEXT


def test_latin1_is_read_with_a_warning() -> None:
    decoded = decode_text(TEXT.encode("latin-1"))
    assert decoded.text == TEXT
    assert decoded.warning is not None and "Latin-1" in decoded.warning


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding: str) -> None:
    assert decode_text(TEXT.encode(encoding)).text == TEXT


def test_html_declared_charset_is_honoured() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT} „Zitat“</p></body></html>'
    decoded = decode_text(page.encode("cp1252"), html=True)
    assert "„Zitat“" in decoded.text and decoded.warning is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_empty_and_binary_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(UndecodableError, match=message):
        decode_text(data)


def test_size_cap() -> None:
    assert size_problem(MAX_ARTICLE_BYTES) is None
    problem = size_problem(MAX_ARTICLE_BYTES + 1)
    assert problem is not None and "limit for one article is 5 MB" in problem

"""Article text -> sentences with exact character offsets, via spaCy's blank tokenizer and rule sentencizer.

Lines are split first: a title, a subheading or a list item without final punctuation is a sentence of its own
(news texts put headings on their own line), and such heading-like lines are flagged so that relation rules can
ignore teaser headlines that slip through the article reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

_LANGS = {"de", "en"}
_FINAL_PUNCT = ('.', '!', '?', ':', '"', '“', '”', '“', '»', '«', "'", '…', ")")  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article text; text == article.text[start:end]
    end: int
    index: int
    heading: bool  # a line of its own without sentence punctuation (title, subheading, teaser)


@cache
def _pipeline(lang: str) -> Language:
    nlp = spacy.blank(lang if lang in _LANGS else "de")
    nlp.add_pipe("sentencizer")
    return nlp


_LINE = re.compile(r"[^\n]+")
# The German tokenizer reads "2021." as an ordinal, so "besteht seit 2021. Im kommenden Jahr" stays one sentence.
_YEAR_END = re.compile(
    r"\b(?:1[89]|20)\d\d\.\s+(?=[A-ZÄÖÜ„\"])(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)"
)


def _split_after_years(line: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, begin = [], start
    for m in _YEAR_END.finditer(line, start, end):
        pieces.append((begin, m.start() + 5))
        begin = m.end()
    pieces.append((begin, end))
    return pieces


# No sentence of prose is this long: such a run is a flattened list or a broken page. Per-sentence rules
# compare mentions pairwise, so one 300 KB "sentence" took 17 s; skipping it keeps extraction linear.
MAX_SENTENCE_CHARS = 5_000


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """Sentences of `text` in order; offsets point into `text`."""
    nlp = _pipeline(language or "de")
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip()]
    sentences: list[Sentence] = []
    for (line_start, line), doc in zip(lines, nlp.pipe(line for _, line in lines), strict=True):
        stripped = line.rstrip()
        heading = not stripped.endswith(_FINAL_PUNCT)
        for span in doc.sents:
            for piece_start, piece_end in _split_after_years(line, span.start_char, span.end_char):
                raw = line[piece_start:piece_end]
                body = raw.strip()
                if not body or len(body) > MAX_SENTENCE_CHARS:
                    continue
                start = line_start + piece_start + (len(raw) - len(raw.lstrip()))
                sentences.append(Sentence(body, start, start + len(body), len(sentences), heading))
    return sentences

"""Text -> facts. Extraction knows nothing of RDF: it returns `twingraph.facts.FactSet` records.

An `Extractor` is anything with a name, a version and `extract(article)`. The rule- and lexicon-based
pipeline is the default; a model-based extractor can replace or complement it behind the same interface.
"""

from __future__ import annotations

from typing import Protocol

from twingraph.facts import Article, FactSet


class Extractor(Protocol):
    name: str
    version: str

    def extract(self, article: Article) -> FactSet:
        """All facts the article states, each with the evidence sentence and its offsets in article.text."""
        ...


def default_extractor() -> Extractor:
    """The rule-based pipeline (imported lazily: building its lexicons takes a moment)."""
    from twingraph.extract.pipeline import RuleExtractor

    return RuleExtractor()

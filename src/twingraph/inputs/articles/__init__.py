"""Reading sources: plain text, HTML pages (boilerplate removed), folders and JSON Lines batches.

Every reader returns `twingraph.facts.Article`: the cleaned text (headline, blank line, body) with URL, title,
publisher, publication date and language. Inputs that cannot be read become `InputProblem`s, so a batch lands
everything else.
"""

from twingraph.inputs.articles.decoding import MAX_ARTICLE_BYTES
from twingraph.inputs.articles.problems import ArticleError, InputProblem
from twingraph.inputs.articles.reader import iter_input_files, read_article_file, read_inputs
from twingraph.inputs.articles.sources import SOURCES_FILE_NAME, SourceCatalog, SourceInfo, load_sources
from twingraph.language.detection import SUPPORTED_LANGUAGES, detect_language

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SOURCES_FILE_NAME",
    "SUPPORTED_LANGUAGES",
    "ArticleError",
    "InputProblem",
    "SourceCatalog",
    "SourceInfo",
    "detect_language",
    "iter_input_files",
    "load_sources",
    "read_article_file",
    "read_inputs",
]

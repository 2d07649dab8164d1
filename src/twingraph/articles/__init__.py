"""Reading sources: plain text, HTML pages (boilerplate removed), folders and JSON Lines batches.

Every reader returns `twingraph.facts.Article`: the cleaned text (headline, blank line, body) with URL, title,
publisher, publication date and language. Inputs that cannot be read become `InputProblem`s, so a batch lands
everything else.
"""

from twingraph.articles.decoding import MAX_ARTICLE_BYTES
from twingraph.articles.language import SUPPORTED_LANGUAGES, detect_language
from twingraph.articles.problems import ArticleError, InputProblem
from twingraph.articles.reader import iter_input_files, read_article_file, read_inputs
from twingraph.articles.sources import SOURCES_FILE_NAME, SourceCatalog, SourceInfo, load_sources

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

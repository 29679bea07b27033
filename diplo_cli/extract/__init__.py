"""Extraction: an Article and its spaCy Doc → an ArticleResult (people, quotes, meetings, priorities).

article.extract runs the stages in order, each a plain function of the Doc and earlier results:
people/ → quotes → meetings/ → priorities. Shared helpers: docindex (per-Doc lookups), lexicon
(patterns/ word lists), references (who a phrase refers to), countries (data/ tables).
"""

from diplo_cli.extract.article import extract, failed

__all__ = ["extract", "failed"]

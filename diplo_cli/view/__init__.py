"""`diplo show`: what `diplo extract` found, drawn over the article text, in the terminal or as HTML.

In: an output record of `diplo extract` (the JSON object of one line, as it is) and the raw text its
offsets index. Out: an ArticleView (model: the record's spans as Marks, the tables' rows), which
nest lays out as properly nested pieces and terminal / html render; load builds views from articles
(extracting them) or from saved records and their source files. This package is a view: it reads the
record and never parses or decides anything again.
"""

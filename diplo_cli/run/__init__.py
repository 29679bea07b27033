"""Running: Articles → parsed Docs → extracted results → output lines, in one process, -j workers or Dask.

nlp loads the spaCy pipeline once per process and parses; pipeline batches articles, isolates
failures and runs workers; cluster does the same on a Dask cluster. Results keep input order.
"""

"""Input and output: what the user names → Article records; ArticleResult → JSON lines → stdout or a file.

sources reads paths, folders, "-" and JSON lines into Articles (a bad input is an Article with
``error`` set, never an exception); serialize owns the output schema; output writes lines and --resume.
"""

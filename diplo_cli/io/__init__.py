"""Input and output: what the user names → Article records; ArticleResult → JSON lines → stdout or a file.

paths lists what the PATH arguments name (folders walked, entries that cannot be read kept);
sources reads files, "-" and JSON lines into Articles (a bad input is an Article with ``error``
set, never an exception); serialize owns the output schema; output writes lines and --resume.
"""

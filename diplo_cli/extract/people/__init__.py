"""People stage: Doc → Person records (name, title, country, organization, every mention).

names finds and clusters name mentions; roles reads the title, country and organization the words
around a mention give; officials gives the country other articles state (an office-holder table:
data/officials.jsonl, or a user's, at the article's date; archive mines one from an archive's text);
implied adds what the rest of the article implies (the own side's country).
"""

from diplo_cli.extract.people.names import resolve_people

__all__ = ["resolve_people"]

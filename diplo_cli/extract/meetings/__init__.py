"""Meetings stage: Doc + people + quotes → Meeting records (kind, status, participants, place, date).

cues says which words tell of a meeting; clause reads one cue's clause into a draft (place: where); join merges
the sentences that tell one event into one meeting; dates resolves time words against the article date.
"""

from diplo_cli.extract.meetings.join import detect_meetings

__all__ = ["detect_meetings"]

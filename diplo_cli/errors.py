"""Exceptions the library raises; only cli.py turns them into messages and exit codes.

Each message is written for the user and says what to do next.
"""


class DiploError(Exception):
    """Base class of every error diplo reports to the user."""

    exit_code = 1


class UsageError(DiploError):
    """The command line asks for something impossible (missing path, bad option value)."""

    exit_code = 2


class InputError(UsageError):
    """An input path cannot be used at all (does not exist, no matching files)."""


class ModelNotFound(UsageError):
    """The requested spaCy pipeline is not installed."""


class OutputError(UsageError):
    """The output target cannot be written (no such folder, a folder, read-only, disk full)."""

    def __init__(self, message: str, stdout: bool = False) -> None:
        super().__init__(message)
        self.stdout = stdout  # the target was stdout: the CLI must not let the interpreter flush it again


class ModelUnfit(UsageError):
    """The requested spaCy pipeline lacks a component diplo reads (a parser, an entity recognizer)."""

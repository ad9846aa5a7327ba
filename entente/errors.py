"""entente's exceptions, one small tree:

    EntenteError
     +-- InputError            a file or record that cannot be read as an article
     |    +-- EmptyInput       nothing but whitespace
     |    +-- BinaryInput      PDF, image, archive ... not text
     |    +-- TooLarge         over Settings.max_bytes
     |    +-- UndecodableInput bytes that no supported encoding reads
     |    +-- MalformedInput   HTML with no article text, a JSON line that is not an article
     |    +-- FetchError       a URL that could not be fetched (HTTP status, timeout, robots.txt, size)
     +-- StoreError            the database refused (schema too new, not an entente store, locked, damaged)
     +-- UsageError            a value on the command line (or an API argument) that cannot mean anything:
          +-- QueryError       a search query that does not parse (with the reason and an example)

Every InputError names its file (and line, for JSON Lines) and the reason, so the CLI can print
`FILE: reason` and go on with the rest of the batch.
"""

from __future__ import annotations


class EntenteError(Exception):
    """Base of every error entente raises on purpose."""


class InputError(EntenteError):
    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file, self.reason, self.line = file, reason, line
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple:  # pickled whole: InputErrors come back from worker processes
        return type(self), (self.file, self.reason, self.line)


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class UndecodableInput(InputError):
    pass


class MalformedInput(InputError):
    pass


class FetchError(InputError):
    """A feed or page that could not be fetched; `file` is its URL. `transient`: a later try may succeed (a
    timeout, a refused connection, HTTP 5xx or 429), so `entente watch` tries again on a later poll."""

    def __init__(self, url: str, reason: str, transient: bool = False):
        super().__init__(url, reason)
        self.transient = transient

    def __reduce__(self) -> tuple:  # InputError's would give `transient` the line, None, which mypyc refuses
        return type(self), (self.file, self.reason, self.transient)


class StoreError(EntenteError):
    pass


class UsageError(EntenteError):
    pass


class QueryError(UsageError):
    pass

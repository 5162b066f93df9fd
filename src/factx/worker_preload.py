"""Imported once, by the fork server of ``--jobs``: every worker forked from it then starts with
the engine, the sentence splitter, language detection and the built-in rule books loaded,
instead of loading them itself (a few seconds each, all at once on the same cores)."""

from .errors import FactxError
from .parallel import warm

try:
    warm()
except FactxError:              # a broken rule cache or pack shows in the worker, with its message
    pass

"""A user's rule pack (``--patterns DIR``) must look like one before anything is layered.

The loader reads ``DIR/<lang>/<type>.toml`` and ``DIR/common/*.toml`` and quietly skips
what is not there, which is right for a pack that adds to one language only but turned a
mistyped path, or the language folder given instead of the pack, into a run with no
error and none of the user's rules. ``check`` makes both an error naming the folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import language
from .errors import PatternError, closest

SHARED = "common"


def layout() -> str:
    """The expected layout, in words, for messages."""
    langs = ", ".join(f"{lang}/" for lang in language.available())
    return (f"a pack holds <lang>/<type>.toml files ({langs}, or a new language's folder with its "
            f"{language.FILE}) and shared lists in {SHARED}/*.toml")


@lru_cache(maxsize=64)        # once per pack per process, not once per document; a failure is not kept
def check(folder: str) -> None:
    """Raise PatternError unless ``folder`` is a folder with a language or shared folder in it."""
    path = Path(folder)
    if not path.exists():
        raise PatternError(folder, "no such folder")
    if not path.is_dir():
        raise PatternError(folder, "not a folder")
    known = tuple(language.available())
    expected = (*known, SHARED)
    found = sorted(p.name for p in path.iterdir() if p.is_dir())
    if any(name in expected or (path / name / language.FILE).is_file() for name in found):
        return
    problem = f"not a rule pack: no {', '.join(f'{n}/' for n in expected)} folder in it"
    if path.name in expected and any(path.glob("*.toml")):
        problem += f"; it looks like a pack's {path.name}/ folder: give the folder above it"
    else:
        close = [f"{n}/" for n in found if closest(n, known)]
        if close:
            problem += f" (found {', '.join(close)}: a misspelt language?)"
    raise PatternError(folder, problem)

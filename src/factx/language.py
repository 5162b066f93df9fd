"""The languages factx reads, and which one a text is in.

A language is what a ``patterns/<code>/`` folder provides (built in, or in a ``--patterns``
pack): its ``language.toml`` (name, number separators, whether the script has case) and
its rule files. Nothing else in factx lists languages.

Identification gives a code with rules, or ``und``, deterministically.

Most news decides itself from a sample of its letters and words: letters only Vietnamese
writes (ơ, ư, đ, ạ, ế ...) at the rate of Vietnamese prose, or English function words at the
rate of English prose with no Vietnamese letters. Such a text is answered at once, with
confidence 1.0, and langdetect (5-25 ms a document, 0.4 s to load) never runs. Anything
less clear-cut goes to langdetect; it is random by design, so a private factory with a fixed
seed gives the same answer for the same text without touching langdetect's global state
(the pattern dateparser uses).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import regex

from .errors import PatternError
from .rulebook import builtin_dir

FILE = "language.toml"
SAMPLE_CHARS = 5_000           # enough to decide; the rest of a long article adds time, not certainty
_LETTER = regex.compile(r"\p{L}")
# Letters only Vietnamese uses among Latin-script languages langdetect knows well.
_VI_LETTERS = regex.compile(r"[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
_VI_ONLY = regex.compile(r"[ơưđă]", regex.I)          # not even Yoruba's dotted vowels
_WORD = regex.compile(r"\p{L}+")
# The commonest English function words: a third of English news prose, a tenth at most of
# German, Dutch, French, Italian, Spanish or Indonesian (measured; the test below needs a quarter).
_EN_WORDS = frozenset("""the of and to is that for on with as was by at are be it from will has have said
    this which were its their been not but they who had also than he she would after about a in an or we
    our his her into over new between two""".split())


@dataclass(frozen=True)
class Language:
    code: str                   # the folder's name: "en", "vi"
    name: str                   # "English"
    thousands: str              # how numbers group digits: "," in 1,250,000.5
    decimal: str
    cased: bool                 # capitals mark sentence starts and names (not so in Thai, Hindi, Chinese)


def available(extra_dirs: Iterable[str] = ()) -> dict[str, Language]:
    """Every language with a ``language.toml``, built in or in a user's pack, by code."""
    return _available(tuple(map(str, extra_dirs)))


@lru_cache(maxsize=32)
def _available(extra_dirs: tuple[str, ...]) -> dict[str, Language]:
    found: dict[str, Language] = {}
    for root in (builtin_dir(), *map(Path, extra_dirs)):
        for file in sorted(root.glob(f"*/{FILE}")):
            found[file.parent.name] = _read(file)
    _KNOWN.update(found)
    return found


_KNOWN: dict[str, Language] = {}      # every language read so far, for lookups that carry only a code


def get(code: str) -> Language:
    """A language read so far (a built-in one, or one from a pack the pipeline loaded)."""
    if code not in _KNOWN:
        available()
    try:
        return _KNOWN[code]
    except KeyError:
        raise PatternError(FILE, f"no language {code!r}: no patterns/{code}/{FILE}") from None


def _read(file: Path) -> Language:
    try:
        with open(file, "rb") as f:
            data = tomllib.load(f)
        language = Language(file.parent.name, str(data["name"]), str(data["thousands"]), str(data["decimal"]),
                            bool(data["cased"]))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise PatternError(str(file), f"cannot read it: {e}") from None
    except KeyError as e:
        raise PatternError(str(file), f"lacks {e.args[0]!r} (name, thousands, decimal and cased are all needed)") from None
    if language.thousands == language.decimal:
        raise PatternError(str(file), "thousands and decimal separators must differ")
    return language


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect(text: str, languages: Iterable[str] = ("en", "vi")) -> tuple[str, float]:
    """Return (language, confidence), one of ``languages`` (the codes with rules), or
    ``und`` with confidence 0.0.

    The clear-cut shortcut reads English and Vietnamese; other codes are langdetect's."""
    languages = tuple(languages)
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return "und", 0.0
    clear = _clear_cut(sample)
    if clear in languages:
        return clear, 1.0
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return "und", 0.0
    best = ranked[0]
    if best.lang in languages:
        return best.lang, round(best.prob, 3)
    # Short Vietnamese snippets are often mistaken for a neighbour; its letters are decisive.
    vi_letters = len(_VI_LETTERS.findall(sample))
    letters = len(_LETTER.findall(sample))
    if "vi" in languages and vi_letters >= 3 and vi_letters / letters > 0.05:
        vi_prob = next((r.prob for r in ranked if r.lang == "vi"), 0.0)
        return "vi", round(max(vi_prob, 0.5), 3)
    return "und", 0.0          # no language with rules: nothing to be confident about


def _clear_cut(sample: str) -> str | None:
    """``vi`` or ``en`` when the sample leaves no doubt, else None (ask langdetect)."""
    words = _WORD.findall(sample)
    if len(words) < 12:
        return None
    letters = sum(map(len, words))
    vi = len(_VI_LETTERS.findall(sample))
    if vi / letters > 0.08 and len(_VI_ONLY.findall(sample)) >= 3:
        return "vi"
    english = sum(w.casefold() in _EN_WORDS for w in words)
    if vi / letters < 0.01 and english / len(words) >= 0.25:
        return "en"
    return None

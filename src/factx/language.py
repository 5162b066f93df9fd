"""Language identification: ``en``, ``vi`` or ``und``, deterministic.

langdetect is random by design; a private factory with a fixed seed gives the same
answer for the same text without touching langdetect's global state
(the pattern dateparser uses).
"""

from __future__ import annotations

from functools import lru_cache

import regex

SUPPORTED = ("en", "vi")
SAMPLE_CHARS = 5_000           # enough to decide; the rest of a long article adds time, not certainty
_LETTER = regex.compile(r"\p{L}")
# Letters only Vietnamese uses among Latin-script languages langdetect knows well.
_VI_LETTERS = regex.compile(r"[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect(text: str) -> tuple[str, float]:
    """Return (language, confidence); ``und`` when neither English nor Vietnamese."""
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return "und", 0.0
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return "und", 0.0
    best = ranked[0]
    if best.lang in SUPPORTED:
        return best.lang, round(best.prob, 3)
    # Short Vietnamese snippets are often mistaken for a neighbour; its letters are decisive.
    vi_letters = len(_VI_LETTERS.findall(sample))
    letters = len(_LETTER.findall(sample))
    if vi_letters >= 3 and vi_letters / letters > 0.05:
        vi_prob = next((r.prob for r in ranked if r.lang == "vi"), 0.0)
        return "vi", round(max(vi_prob, 0.5), 3)
    return "und", round(best.prob, 3)

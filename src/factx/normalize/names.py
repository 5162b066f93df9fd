"""Person names: the cross-language key and the short forms a name is repeated by.

Pure functions, no word lists. The key is what links one person across an English
and a Vietnamese article ("Nguyễn Văn Được" / "Nguyen Van Duoc" -> "nguyen van duoc"),
so it folds exactly what the two spellings differ by: case, diacritics on Latin letters,
đ, hyphens.
"""

from __future__ import annotations

import unicodedata

import regex

_LATIN_MARKS = regex.compile(r"(\p{Script=Latin})\p{Mn}+")
_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2019": "'", "đ": "d", "Đ": "D",
                        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"})


def key(name: str) -> str:
    """Lowercase, Latin diacritics removed, đ -> d (and ł, ø, letters no mark makes), hyphens to
    spaces, single-spaced.

    Only marks on Latin letters go: in Thai, Hindi or Arabic script the combining marks are
    vowels and signs a name cannot lose ("สมชาย" keeps every mark; it is only recomposed)."""
    s = _LATIN_MARKS.sub(r"\1", unicodedata.normalize("NFD", name.translate(_DASHES)))
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def tokens(name: str) -> list[str]:
    """The words of a name ("Kassym-Jomart Tokayev" -> ["Kassym-Jomart", "Tokayev"])."""
    return name.split()


def is_full(name: str) -> bool:
    """A full name has two words or more, and is not an initial and a surname ("Y. Tukumov" is
    short; "K. R. Narayan" and "Somchai W." are how those people are named)."""
    words = tokens(name)
    return len(words) >= 2 and not (len(words) == 2 and _is_initial(words[0]))


def last_key(name: str) -> str:
    """The key of the word a short form keeps: the last one that is not an initial ("Bektenov",
    "Lam", "Duoc"; "Somchai" of "Somchai W.")."""
    words = [w for w in tokens(name) if not _is_initial(w)] or tokens(name)
    return key(words[-1]) if words else ""


def short_forms(name: str) -> tuple[str, ...]:
    """How a full name is repeated without a title: "Y. Tukumov", and the last word alone.

    The last word alone ("Bektenov", "Lam") is only offered for a name written without
    diacritics: a Vietnamese given name in Vietnamese text is also a common word
    ("Được biết", "Chính phủ", "Minh bạch"), and Vietnamese news repeats a name with
    its title or "ông"/"bà", which the rules find. A name that ends on an initial ("Somchai
    W.") is repeated by its first word; one with a particle by the words before it when they are
    two or more ("Sheikh Jassim" of "Sheikh Jassim bin Abdulaziz Al Thani").
    """
    words = tokens(name)
    if len(words) < 2:
        return ()
    if _is_initial(words[-1]):
        return (words[0],) if name.isascii() and not _is_initial(words[0]) else ()
    initial = f"{words[0][0]}. {words[-1]}"
    if _is_initial(words[0]):
        return (words[-1],) if name.isascii() else ()
    head = next((i for i, w in enumerate(words) if w.islower()), 0)
    if head >= 2 and name.isascii():      # "Sheikh Jassim" of "Sheikh Jassim bin Abdulaziz Al Thani"
        return (" ".join(words[:head]), initial, initial.replace(". ", "."), words[-1])
    if name.isascii():
        return (initial, initial.replace(". ", "."), words[-1])
    return (initial, initial.replace(". ", "."))


def similar(a: str, b: str) -> bool:
    """Two keyed words one spelling apart, as transliterations differ ("tokayev"/"tokaev",
    "zelensky"/"zelenskyy"): equal, or one letter added, dropped or changed in words of five
    letters or more. Shorter words differ by meaning ("lam"/"lan"), so they must be equal."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def same_person(a: str, b: str) -> bool:
    """Two keys of one person spelled two ways: as many words, each pair ``similar``
    ("kassym jomart tokayev"/"kassym jomart tokaev")."""
    x, y = a.split(), b.split()
    return len(x) == len(y) and all(similar(u, v) for u, v in zip(x, y))


def part_of(short: str, whole: str) -> bool:
    """A key that opens or closes a longer one, two words or more ("castillo ruiz" of "miguel angel
    castillo ruiz", "ahmad faizal" of "ahmad faizal bin hassan"): the name cut short."""
    x, y = short.split(), whole.split()
    return 2 <= len(x) < len(y) and (y[:len(x)] == x or y[-len(x):] == x)


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.endswith(".")

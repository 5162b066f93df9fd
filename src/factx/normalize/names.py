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
_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2019": "'", "đ": "d", "Đ": "D"})


def key(name: str) -> str:
    """Lowercase, Latin diacritics removed, đ -> d, hyphens to spaces, single-spaced.

    Only marks on Latin letters go: in Thai, Hindi or Arabic script the combining marks are
    vowels and signs a name cannot lose ("สมชาย" keeps every mark; it is only recomposed)."""
    s = _LATIN_MARKS.sub(r"\1", unicodedata.normalize("NFD", name.translate(_DASHES)))
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def tokens(name: str) -> list[str]:
    """The words of a name ("Kassym-Jomart Tokayev" -> ["Kassym-Jomart", "Tokayev"])."""
    return name.split()


def is_full(name: str) -> bool:
    """A full name has two words or more, none of them a bare initial ("Y. Tukumov" is short)."""
    words = tokens(name)
    return len(words) >= 2 and not any(_is_initial(w) for w in words)


def last_key(name: str) -> str:
    """The key of the word a short form keeps: the last one ("Bektenov", "Lam", "Duoc")."""
    words = tokens(name)
    return key(words[-1]) if words else ""


def short_forms(name: str) -> tuple[str, ...]:
    """How a full name is repeated without a title: "Y. Tukumov", and the last word alone.

    The last word alone ("Bektenov", "Lam") is only offered for a name written without
    diacritics: a Vietnamese given name in Vietnamese text is also a common word
    ("Được biết", "Chính phủ", "Minh bạch"), and Vietnamese news repeats a name with
    its title or "ông"/"bà", which the rules find.
    """
    words = tokens(name)
    if len(words) < 2:
        return ()
    initial = f"{words[0][0]}. {words[-1]}"
    if name.isascii():
        return (initial, initial.replace(". ", "."), words[-1])
    return (initial, initial.replace(". ", "."))


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.endswith(".")

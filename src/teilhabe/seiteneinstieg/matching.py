"""Is this the same name? Matching names across spellings and transliterations (no database).

Names reach the centre through many hands: a passport in Latin letters (English or French
transliteration), a Ukrainian document (official 2010 transliteration), a German form filled
in by ear. "Mohammed Al-Hassan", "Muhammad Alhassan" and "Mohamad al Hasan" are one boy.
Three layers, each used where it fits:

- ``normalise(name)``: casefolded, without diacritics, hyphens/apostrophes/spaces unified,
  Arabic article joined to its noun ("Al Hassan" = "Al-Hassan" = "Alhassan" → "alhassan").
  Stored as the text search key; a search term matches as a substring.
- ``phonetic_codes(name)``: per word, Cologne phonetics ("Kölner Phonetik", Postel 1969)
  after rewriting common transliteration variants (kh/ch/h, sh/sch/ch, dj/dsch/j, ...).
  A word may have two codes when its spelling is ambiguous ("ch" is German "kh" or French
  "sh"). Stored as the phonetic search key.
- ``same_name(a, b)`` / ``likely_same_child(...)``: the duplicate check. Phonetic equality,
  with a spelling guard for short names, where Cologne phonetics is too coarse
  ("Omar" and "Amir" share the code 67).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Arabic article in its usual Latin spellings, incl. assimilated forms before sun letters.
ARTICLES: frozenset[str] = frozenset({"al", "el", "ul", "il", "as", "ad", "ar", "an", "at", "az"})
# Assimilated forms count as articles only before the matching letter ("as-Sayed", "ad-Din").
_ASSIMILATED = {"as": "s", "ad": "d", "ar": "r", "an": "n", "at": "t", "az": "z"}

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ı": "i",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ʿ": "",
        "ʾ": "",
        "ʼ": "",
    }
)
# Turkish and Romanian letters whose sound differs from their base letter.
_SOUNDS = str.maketrans(
    {"ş": "sh", "ș": "sh", "ţ": "ts", "ț": "ts", "ç": "ch", "č": "ch", "š": "sh", "ž": "zh"}
)
_APOSTROPHES = "'’‘`´ʻ"
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,;:()]+")


def _fold(text: str) -> str:
    """Casefolded ASCII letters: diacritics stripped, sounds kept (ş → sh)."""
    text = text.casefold().translate(_SOUNDS).translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return text


def _split(name: str) -> list[tuple[str, str | None]]:
    """The name's normalised words, each with its form without an Arabic article.

    An article written apart ("Al Hassan", "al-Hassan") is joined to its noun; only then is
    the bare noun known ("hassan"). A joined spelling ("Alhassan") is left alone: "Alina" or
    "Alexander" must not lose their first letters.
    """
    raw = [w for w in _SEPARATORS.split(_fold(name)) if w]
    raw = ["".join(c for c in w if c.isalnum()) for w in raw]
    raw = [w for w in raw if w]
    result: list[tuple[str, str | None]] = []
    index = 0
    while index < len(raw):
        word = raw[index]
        following = raw[index + 1] if index + 1 < len(raw) else ""
        if following and _is_article(word, following):
            result.append((word + following, following))
            index += 2
            continue
        result.append((word, None))
        index += 1
    return result


def words(name: str) -> list[str]:
    """The name's words, normalised; an Arabic article is joined to the following word."""
    return [word for word, _bare in _split(name)]


def _is_article(word: str, following: str) -> bool:
    if word in ("al", "el", "ul", "il"):
        return True
    return word in _ASSIMILATED and following.startswith(_ASSIMILATED[word])


def normalise(name: str) -> str:
    """The name as the text search key: ``"Mohammed Al-Hassan"`` → ``"mohammed alhassan"``."""
    return " ".join(words(name))


# --- Cologne phonetics ------------------------------------------------------------------

# Transliteration variants rewritten before coding, longest first. Each maps a spelling to
# one or two spellings that Cologne phonetics then codes (two where the spelling is
# ambiguous). Vowels need no rules: Cologne phonetics drops them after the first letter.
_REWRITES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("schtsch", ("sh",)),  # Ukrainian щ in German spelling
    ("shch", ("sh",)),
    ("tsch", ("ch_",)),  # German spelling of Turkish ç, English "ch" (Tschernenko)
    ("dsch", ("j_",)),  # German spelling of Arabic ج (Dschamal = Jamal = Djamal)
    ("dzh", ("j_",)),  # Ukrainian дж
    ("dj", ("j_",)),  # French spelling of ج
    ("sch", ("sh",)),
    ("kh", ("h",)),  # Arabic خ, Ukrainian х (Khaled = Chaled = Haled)
    ("ch", ("h", "sh")),  # German ch = kh, French ch = sh (Chérif = Sharif)
    ("gh", ("g",)),  # Arabic غ (Ghassan = Gassan)
    ("lh", ("lh", "lg")),  # Ukrainian г = Russian г: Olha = Olga
    ("rh", ("rh", "rg")),  # Serhiy = Sergej
    ("j", ("j", "j_")),  # German j (Jusuf = Yusuf) or English j (Jamal = Dschamal)
    ("ph", ("f",)),
    ("th", ("t",)),
    ("q", ("k",)),
    ("zh", ("sh",)),  # Ukrainian ж (Zhenya = Shenja)
)
_MAX_VARIANTS = 4


def _variants(word: str) -> list[str]:
    """The word's spellings after the transliteration rewrites (at most a few)."""
    results = [""]
    index = 0
    while index < len(word):
        for pattern, replacements in _REWRITES:
            if pattern == "lh" and index == 1 and word[0] in "ae":
                continue  # "al-h…", "el-h…": the Arabic article, not Ukrainian г
            if word.startswith(pattern, index):
                results = [r + rep for r in results for rep in replacements][:_MAX_VARIANTS]
                index += len(pattern)
                break
        else:
            results = [r + word[index] for r in results]
            index += 1
    return results


def _code_letters(word: str) -> str:
    """Cologne phonetics of one word of ASCII letters (markers ``j_``/``ch_`` included)."""
    digits: list[str] = []
    letters = word
    length = len(letters)
    for i, char in enumerate(letters):
        before = letters[i - 1] if i > 0 else ""
        after = letters[i + 1] if i + 1 < length else ""
        if char == "_":
            continue
        if char == "j" and after == "_":
            digits.append("8")  # dsch: a consonant, coded like sch
            continue
        if char == "c" and after == "h" and i + 2 < length and letters[i + 2] == "_":
            digits.append("8")  # tsch
            continue
        if char in "aeijouy":
            digits.append("0")
        elif char == "h":
            digits.append("-")
        elif char == "b":
            digits.append("1")
        elif char == "p":
            digits.append("3" if after == "h" else "1")
        elif char in "dt":
            digits.append("8" if after in ("c", "s", "z") else "2")
        elif char in "fvw":
            digits.append("3")
        elif char in "gkq":
            digits.append("4")
        elif char == "c":
            if i == 0:
                digits.append("4" if after in "ahkloqrux" and after else "8")
            elif before in ("s", "z"):
                digits.append("8")
            else:
                digits.append("4" if after and after in "ahkoqux" else "8")
        elif char == "x":
            digits.append("8" if before in ("c", "k", "q") else "48")
        elif char == "l":
            digits.append("5")
        elif char in "mn":
            digits.append("6")
        elif char == "r":
            digits.append("7")
        elif char in "sz":
            digits.append("8")
        elif char.isdigit():
            continue
    flat = "".join(d for d in "".join(digits) if d != "-")
    collapsed = [c for i, c in enumerate(flat) if i == 0 or c != flat[i - 1]]
    if not collapsed:
        return ""
    return collapsed[0] + "".join(c for c in collapsed[1:] if c != "0")


def cologne(word: str) -> str:
    """Plain Cologne phonetics of a word (no transliteration rules), e.g. Müller → 657."""
    return _code_letters("".join(c for c in _fold(word) if c.isalpha()))


@lru_cache(maxsize=4096)
def word_codes(word: str) -> tuple[str, ...]:
    """Phonetic codes of one normalised word: one per spelling variant, without duplicates."""
    codes: list[str] = []
    for variant in _variants(word):
        code = _code_letters(variant)
        if code and code not in codes:
            codes.append(code)
    return tuple(codes)


def phonetic_codes(name: str) -> list[tuple[str, ...]]:
    """Per word of the name, its phonetic codes (an article-less variant included)."""
    result: list[tuple[str, ...]] = []
    for word, bare in _split(name):
        codes = list(word_codes(word))
        if bare:
            codes += [c for c in word_codes(bare) if c not in codes]
        result.append(tuple(codes))
    return result


def phonetic_key(*names: str) -> str:
    """The stored phonetic search key: every code, space-padded (``" 662 0586 086 "``).

    The padding lets ``LIKE '% 662 %'`` find a whole code on every database.
    """
    codes: list[str] = []
    for name in names:
        for word in phonetic_codes(name):
            codes += [c for c in word if c not in codes]
    return f" {' '.join(codes)} " if codes else ""


def search_fields(first_name: str, last_name: str) -> dict[str, str]:
    """The denormalised search keys of a child or guardian, as model field values.

    A name of several words is also stored joined ("Gebre Medhin" → "gebremedhin"), so a
    search written in one word finds it.
    """
    text = words(f"{first_name} {last_name}")
    joined = ["".join(w) for w in (words(first_name), words(last_name)) if len(w) > 1]
    extra = [j for j in joined if j not in text]
    return {
        "search_name": " ".join(text + extra)[:200],
        "search_phonetic": phonetic_key(first_name, last_name, *extra)[:200],
    }


# --- same name? -------------------------------------------------------------------------

# Spelling, with the usual transliteration variants unified, for the edit-distance guard.
_ORTHO: tuple[tuple[str, str], ...] = (
    ("dsch", "j"),
    ("dzh", "j"),
    ("dj", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("gh", "g"),
    ("lh", "lg"),
    ("rh", "rg"),
    ("ph", "f"),
    ("th", "t"),
    ("q", "k"),
    ("x", "ks"),
    ("c", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("z", "s"),
)
_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # Farsi final -eh = Arabic -a (Fatemeh = Fatima)


def _orthographic(word: str) -> str:
    for old, new in _ORTHO:
        word = word.replace(old, new)
    word = _FINAL_H.sub("", word)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: plain dynamic programming)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _skeleton(orthographic: str) -> str:
    """The consonants; "sh" counts as "s" (Turkish ş is often written without its cedilla)."""
    return "".join(c for c in orthographic.replace("sh", "s") if c not in "aeiou")


def same_word(a: str, b: str, *, bare_a: str | None = None, bare_b: str | None = None) -> bool:
    """Two normalised words (with their article-less forms, if any) name the same.

    They must share a phonetic code AND be spelt alike once transliteration variants are
    unified (edit distance at most a third of the length, at least 1). Cologne phonetics
    alone is too coarse: "Mahmoud" and "Mohammed" share 662. Short codes are coarser still
    ("Omar"/"Amir", "Sara"/"Zahra"): there the consonants must be the same, too.
    """
    if a == b:
        return True
    for x in filter(None, (a, bare_a)):
        for y in filter(None, (b, bare_b)):
            shared = set(word_codes(x)) & set(word_codes(y))
            if not shared:
                continue
            ox, oy = _orthographic(x), _orthographic(y)
            if _distance(ox, oy) > max(1, max(len(ox), len(oy)) // 3):
                continue
            short = max(len(code.lstrip("0")) for code in shared) <= 2
            if short and _skeleton(ox) != _skeleton(oy):
                continue
            return True
    return False


def same_name(a: str, b: str) -> bool:
    """Whole names match word by word (same number of words, in any order)."""
    split_a, split_b = _split(a), _split(b)
    if not split_a or not split_b:
        return False
    if len(split_a) != len(split_b):
        # "Abdul Rahman" = "Abdulrahman", "Al Hassan" = "Hassan"
        joined_a = "".join(w for w, _ in split_a)
        joined_b = "".join(w for w, _ in split_b)
        bare_a = "".join(b or w for w, b in split_a)
        bare_b = "".join(b or w for w, b in split_b)
        return same_word(joined_a, joined_b, bare_a=bare_a, bare_b=bare_b)
    remaining = list(split_b)
    for word, bare in split_a:
        match = next(
            (o for o in remaining if same_word(word, o[0], bare_a=bare, bare_b=o[1])), None
        )
        if match is None:
            return False
        remaining.remove(match)
    return True


def similar_name(a: str, b: str) -> bool:
    """Looser, for first names next to a matching last name: the same name, one name's words
    within the other's ("Mohammed Ali" / "Ali"), or a small typo in a long name."""
    if same_name(a, b):
        return True
    words_a, words_b = words(a), words(b)
    if not words_a or not words_b:
        return False
    shorter, longer = sorted((_split(a), _split(b)), key=len)
    if all(any(same_word(w, o, bare_a=bw, bare_b=bo) for o, bo in longer) for w, bw in shorter):
        return True
    joined_a, joined_b = _orthographic("".join(words_a)), _orthographic("".join(words_b))
    return min(len(joined_a), len(joined_b)) >= 6 and _distance(joined_a, joined_b) <= 2


def likely_same_child(
    first_a: str, last_a: str, first_b: str, last_b: str, *, same_family: bool = False
) -> bool:
    """Whether two children with the same birth date are probably one child entered twice.

    The caller compares birth dates; names alone never make a duplicate. Within one family,
    twins share the birth date and often a sound ("Omar" and "Amir"), so there only the same
    normalised name counts.
    """
    if same_family:
        return normalise(first_a) == normalise(first_b) and same_name(last_a, last_b)
    if same_name(last_a, last_b) and similar_name(first_a, first_b):
        return True
    # first and last name swapped on one of the forms
    return same_name(first_a, last_b) and same_name(last_a, first_b)


def query_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """A search term's words with their phonetic codes, for the search selector."""
    result = []
    for word, codes in zip(words(text), phonetic_codes(text), strict=True):
        result.append((word, codes))
    return result


def any_code_in(codes: Iterable[str], key: str) -> bool:
    """Whether a stored phonetic key holds one of the codes (the selector's rule, in Python)."""
    return any(f" {code} " in key for code in codes)


def phone_digits(phone: str) -> str:
    """A phone number as digits in German national form: "+49 176 123" → "0176123".

    So that "0176 1234567", "+49 176 1234567" and "0049-176-1234567" find each other.
    """
    text = phone.strip()
    digits = "".join(c for c in text if c.isdigit())
    if text.startswith("+"):
        digits = "00" + digits
    if digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits

"""Span and string normalisation shared by every system and every gold set.

One function, `normalise_span`, is applied to the spans of the gold standard, of Corroborate and
of spaCy alike, so that "the Kremlin" / "Kremlin" and "Putin's" / "Putin" are the same span.
"""
import re
import unicodedata

_LEADING_THE = re.compile(r"(?i)the\s+")
_TRAILING_POSSESSIVE = ("'s", "\u2019s", "'S", "\u2019S")


def normalise_span(text, start, end):
    """(start, end) of the span text[start:end] with surrounding white space, a leading
    "the " (any case) and a trailing possessive "'s" / "’s" removed. Code-point offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _LEADING_THE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    for suffix in _TRAILING_POSSESSIVE:
        if end - start > len(suffix) and text[start:end].endswith(suffix):
            end -= len(suffix)
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def normalise_text(s):
    """The same normalisation on a bare string."""
    a, b = normalise_span(s, 0, len(s))
    return s[a:b]


def fold(s):
    """Case- and diacritic-insensitive comparison key: NFKD, combining marks removed, case
    folded, curly apostrophes and quotes made straight, runs of white space collapsed."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.casefold().split())


def surface_key(s):
    """Key of the same-surface-string baseline: normalised text, case-folded."""
    return fold(normalise_text(s))

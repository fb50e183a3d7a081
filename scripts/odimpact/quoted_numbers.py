"""Numbers as writers put them in prose, read back as values, to prove a figure is in its quote.

A quote is copied from a source in that source's language, so the same figure may appear as
1,234.5 (English), 1 234,5 (French, with a space or a no-break space), 1.2 million, 1,2 M$,
20.7 billion or 20,7 milliards. A group like "1,234" is ambiguous (one thousand two hundred and
thirty-four in English, 1.234 in French): every reading is kept, since the check only asks
whether the figure is among them.
"""

from __future__ import annotations

import math
import re

# Spaces that separate groups of digits: space, no-break space, narrow no-break space, thin space.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'"})
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ ,.']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s?(thousand|mille|k|millions?|M|MM|milliards?|billions?|bn|G|B|trillions?)(?![^\W\d_$]))?"
)
# "billion" is 10^9 in English and 10^12 in French: both readings are kept.
_SCALES: dict[str, tuple[float, ...]] = {
    "thousand": (1e3,),
    "mille": (1e3,),
    "k": (1e3,),
    "million": (1e6,),
    "millions": (1e6,),
    "M": (1e6,),
    "MM": (1e6,),
    "milliard": (1e9,),
    "milliards": (1e9,),
    "G": (1e9,),
    "B": (1e9,),
    "bn": (1e9,),
    "billion": (1e9, 1e12),
    "billions": (1e9, 1e12),
    "trillion": (1e12,),
    "trillions": (1e12,),
}
_GROUPED = re.compile(r"\d+\Z|\d{1,3}(?:[ ,.']\d{3})+\Z")


def _readings(digits: str) -> set[float]:
    """Every value a written number can mean: all separators as grouping, or the last as decimal."""
    values: set[float] = set()
    if _GROUPED.match(digits):
        values.add(float(re.sub(r"[ ,.']", "", digits)))
    cut = max(digits.rfind("."), digits.rfind(","))
    if cut > 0 and _GROUPED.match(digits[:cut]):
        values.add(float(re.sub(r"[ ,.']", "", digits[:cut]) + "." + digits[cut + 1 :]))
    return values


def numbers_in(text: str) -> set[float]:
    """Every value the numbers written in `text` can stand for, scale words applied."""
    found: set[float] = set()
    for match in _NUMBER.finditer(text.translate(_SPACES)):
        readings = _readings(match.group(1))
        found |= readings
        for factor in _SCALES.get(match.group(2) or "", ()):
            found |= {value * factor for value in readings}
    return found


def figure_in_text(value: float, text: str) -> bool:
    """Whether `value` is written in `text` in any of the forms above (sign left to the words)."""
    target = abs(float(value))
    # Tight tolerance: 20.7 billion computed in floating point is off by 1e-16, not by one unit.
    return any(
        math.isclose(target, found, rel_tol=1e-12, abs_tol=1e-12) for found in numbers_in(text)
    )

"""French spacing as Canadian usage sets it (../shared/research/glossary-en-fr.md): one function,
applied where French text is produced (the string catalogue, the vocabularies, case text and
hand-written pages at render), so that no string has to be spaced by hand.

The rule: a non-breaking space (U+00A0) before ":" and inside « »; before % and $ after a figure
(42 %, 250 000 $, 12,5 M$); no space before ; ! ? (France puts one there, Canada does not).
Addresses, code, HTML tags, Markdown's own syntax, times (10:30) and the words quoted between
« » are left as they are.
"""

from __future__ import annotations

import re
from typing import Any

from odimpact.languages import LANGUAGES

NBSP = "\u00a0"
# Any space a writer may type before punctuation: plain, no-break, narrow no-break, tab.
_SPACE = "[ \t\u00a0\u202f]"
# Text the rule must not touch, hidden first (in this order) and given back as it was.
_PROTECTED = tuple(
    re.compile(pattern, re.DOTALL | re.MULTILINE)
    for pattern in (
        r"\A---\n.*?\n---\n",  # a page's YAML front matter (its keys end with ":")
        r"^(?P<fence>```|~~~).*?^(?P=fence)",  # fenced code
        r"`[^`\n]*`",  # inline code
        r"<!--.*?-->",  # comments (the page markers of odimpact.publication.fragments)
        # Words marked as another language (an English title in a French sentence) keep that
        # language's rule.
        r"<(?P<tag>[a-z]+)\b[^>]*\blang=\"(?!fr\b)[^\"]*\"[^>]*>.*?</(?P=tag)>",
        r"<[^>\n]*>",  # HTML tags and autolinks: attributes hold URLs and styles
        r"https?://[^\s<>\"'`]*",  # addresses: ?, ; and % belong to them
        r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]",  # Markdown link definitions ([id]: url)
        r"\{[:#.][^}\n]*\}",  # Markdown attribute lists ({: .class}, {#id})
        r"&#?\w+;",  # character references (&quot;)
    )
)
# A hidden span is replaced by a placeholder, so that the rules then run on the whole text (a colon
# after `code` still sees a word before it). Private-use characters, which no text of ours holds.
_OPEN, _CLOSE = "\ue000", "\ue001"
_FLAGS = re.DOTALL | re.MULTILINE
# What is quoted between « » is someone else's words or a title, often in English ("Open Data: The
# Way of the Future"): only the spaces inside the guillemets are set; the rest of the rule stays
# outside.
_QUOTED = re.compile(r"«[^«»]*»")
_GUILLEMETS = re.compile(rf"«{_SPACE}*(?P<quoted>[^«»]*?){_SPACE}*»")
_SPACES = " \t\u00a0\u202f"
# A colon that ends a word (not 10:30, not a URL's), and ; ! ? where they end a clause (not
# "![image]"
# nor "?query"). Found by the mark itself, which is fast; the spaces before it are then set by hand.
_COLON = re.compile(rf"(?=:(?:\s|$|{_OPEN}))", _FLAGS)
_CLAUSE_MARK = re.compile(rf"(?=[;!?](?:\s|$|[»)\]\"'’.,…{_OPEN}]))", _FLAGS)
_FIGURE_SIGN = re.compile(r"(\d)[ \t\u202f]?(%|[kMG]?\$)")


def _before_each(mark: re.Pattern[str], text: str, spaced: str) -> str:
    """`text` with the spaces before each `mark` made `spaced` where a word precedes it (none
    where only spaces or a line's start do)."""
    pieces = mark.split(text)
    for index, piece in enumerate(pieces[:-1]):
        bare = piece.rstrip(_SPACES)
        if bare and not bare[-1].isspace():
            pieces[index] = bare + spaced
        elif not spaced:
            pieces[index] = bare
    return "".join(pieces)


_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def french_spacing(text: str) -> str:
    """`text` spaced as Canadian French writes it; idempotent, and the identity on text it has
    already spaced."""
    if _OPEN in text:  # cannot hide spans safely: leave the text as it was written
        return text
    hidden: list[str] = []

    def hide(match: re.Match[str]) -> str:
        hidden.append(match.group(0))
        return f"{_OPEN}{len(hidden) - 1}{_CLOSE}"

    for pattern in _PROTECTED:  # one pattern at a time: each is found fast by its first character
        text = pattern.sub(hide, text)
    text = _GUILLEMETS.sub(lambda match: f"«{NBSP}{match.group('quoted')}{NBSP}»", text)
    text = _QUOTED.sub(hide, text)
    text = _before_each(_COLON, text, NBSP)
    text = _before_each(_CLAUSE_MARK, text, "")
    text = _FIGURE_SIGN.sub(rf"\1{NBSP}\2", text)
    while _OPEN in text:  # quoted spans may hold protected ones: unhide until none is left
        text = _PLACEHOLDER.sub(lambda match: hidden[int(match.group(1))], text)
    return text


def typeset(text: str, lang: str) -> str:
    """Text as `lang` writes it: French spacing in French, anything else as it is."""
    return french_spacing(text) if lang == "fr" else text


def typeset_words(words: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """A module's own words (language -> key -> text), each in its language's typography."""
    return {
        lang: {key: typeset(value, lang) for key, value in texts.items()}
        for lang, texts in words.items()
    }


def typeset_table(table: Any, lang: str | None = None) -> Any:
    """A table of texts of any shape (key -> {en, fr}, or {en: {...}, fr: {...}}, nested), each text
    set by the language whose key it sits under."""
    if isinstance(table, str):
        return typeset(table, lang) if lang else table
    if isinstance(table, dict):
        return {
            key: typeset_table(value, key if key in LANGUAGES else lang)
            for key, value in table.items()
        }
    return table

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
from collections.abc import Callable

NBSP = "\u00a0"
# Any space a writer may type before punctuation: plain, no-break, narrow no-break, tab.
_SPACE = "[ \t\u00a0\u202f]"
# Text the rule must not touch, matched first and kept as it is.
_PROTECTED = "|".join((
    r"\A---\n.*?\n---\n",  # a page's YAML front matter (its keys end with ":")
    r"^(?P<fence>```|~~~).*?^(?P=fence)",  # fenced code
    r"`[^`\n]*`",  # inline code
    r"<!--.*?-->",  # comments (the page markers of odimpact.publication.fragments)
    # Words marked as another language (an English title in a French sentence) keep that language's rule.
    r"<(?P<tag>[a-z]+)\b[^>]*\blang=\"(?!fr\b)[^\"]*\"[^>]*>.*?</(?P=tag)>",
    r"<[^>\n]*>",  # HTML tags and autolinks: attributes hold URLs and styles
    r"[a-z][a-z0-9+.-]*://[^\s<>\"'`]*",  # addresses: ?, ; and % belong to them
    r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]",  # Markdown link definitions ([id]: url)
    r"\{[:#.][^}\n]*\}",  # Markdown attribute lists ({: .class}, {#id})
    r"&#?\w+;",  # character references (&quot;)
))
# What is quoted between « » is someone else's words or a title, often in English ("Open Data: The
# Way of the Future"): only the spaces inside the guillemets are set; the rest of the rule stays outside.
_QUOTED = r"«[^«»]*»"
_RULES: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
    (rf"«{_SPACE}*(?P<quoted>[^«»]*?){_SPACE}*»", lambda match: f"«{NBSP}{match.group('quoted')}{NBSP}»"),
    # A colon that ends a word (not 10:30, not a URL's) takes one no-break space before it.
    (rf"(?<=\S){_SPACE}*:(?=\s|$)", lambda match: NBSP + ":"),
    # No space before ; ! ? where they end a clause (not "![image]" nor "?query").
    (rf"{_SPACE}+(?=[;!?](?:\s|$|[»)\]\"'’.,…]))", lambda match: ""),
    (r"(?<=\d)[ \t\u202f]?(?=%|[kMG]?\$)", lambda match: NBSP),
)
_COMPILED = tuple(
    (re.compile(rf"(?P<keep>{_PROTECTED}{'' if index == 0 else '|' + _QUOTED})|{rule}", re.DOTALL | re.MULTILINE), replace)
    for index, (rule, replace) in enumerate(_RULES)
)


def french_spacing(text: str) -> str:
    """`text` spaced as Canadian French writes it; idempotent, and the identity on text it has already spaced."""
    for pattern, replace in _COMPILED:
        text = pattern.sub(_outside_protected(replace), text)
    return text


def _outside_protected(replace: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """`replace` where the rule matched; a protected span (code, an address) given back as it was."""
    return lambda match: match.group("keep") if match.group("keep") is not None else replace(match)


def typeset(text: str, lang: str) -> str:
    """Text as `lang` writes it: French spacing in French, anything else as it is."""
    return french_spacing(text) if lang == "fr" else text


def typeset_words(words: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """A module's own words (language -> key -> text), each in its language's typography."""
    return {lang: {key: typeset(value, lang) for key, value in texts.items()} for lang, texts in words.items()}

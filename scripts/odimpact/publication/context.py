"""What every generator needs: the cases with pages, vocabularies and where the repository lives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from odimpact.corpus import Case, Corpus
from odimpact.problems import Problem
from odimpact.publication.formatting import escape
from odimpact.schema import field_vocabularies
from odimpact.typography import typeset
from odimpact.urls import RESERVED_IDS
from odimpact.vocabularies import Vocabulary, load_vocabularies


@dataclass
class SiteContext:
    """The corpus as the site sees it, plus settings from mkdocs.yml's `extra.odimpact`."""

    corpus: Corpus
    vocabularies: dict[str, Vocabulary]
    edit_base: str  # e.g. https://github.com/org/repo/edit/main/ ; "" to show no edit link
    site_url: str  # absolute, ending in "/"; "" when unknown
    # `odimpact serve`: drafts get pages too (flagged), so contributors see them
    preview: bool = False
    # `odimpact serve` only: what `odimpact validate` finds in each case (by id), shown on its page.
    problems: dict[str, list[Problem]] = field(default_factory=dict)

    # Computed once: every page asks (related cases, lists), and asking per page made the build
    # quadratic.
    _pages: dict[str, Case] | None = field(default=None, init=False, repr=False, compare=False)
    _made: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """A value computed once per build (the findings report, asked for by each of its parts)."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def pages_by_id(self) -> dict[str, Case]:
        """Id -> case, for the published and retired cases whose id can be a page."""
        if self._pages is None:
            cases = self.corpus.cases if self.preview else self.corpus.with_pages()
            self._pages = {case.id: case for case in cases if case.id not in RESERVED_IDS}
        return self._pages

    def with_pages(self) -> list[Case]:
        """Published and retired cases whose id can be a page (drafts only in the preview)."""
        return list(self.pages_by_id().values())

    def listed(self) -> list[Case]:
        """Published cases: the only ones lists and counts show."""
        return [case for case in self.pages_by_id().values() if case.status == "published"]

    def page_ids(self) -> set[str]:
        return set(self.pages_by_id())

    def label(self, field: str, term: Any, lang: str) -> str:
        """Escaped reader-facing label of a value of `field` (a dotted path: "sectors",
        "sources.kind"); an unknown value is shown escaped as is. A field with no vocabulary raises
        KeyError: a mistake in the generator, never in a case (a wrong name once showed every
        organization's role as its raw id)."""
        vocabulary = self.vocabularies[field_vocabularies()[field]]
        try:
            return escape(vocabulary.label(term, lang))
        except (KeyError, TypeError):
            return escape(term)

    def definition(self, field: str, term: Any, lang: str) -> str:
        """Escaped definition of a vocabulary value, or '' when unknown (a field with no
        vocabulary raises KeyError, as in `label`)."""
        vocabulary = self.vocabularies[field_vocabularies()[field]]
        try:
            return escape(vocabulary.term(term).definition[lang])
        except (KeyError, TypeError):
            return ""

    def terms(self, field: str) -> list[Any]:
        """The allowed values of a vocabulary field, in the vocabulary's order."""
        return self.vocabularies[field_vocabularies()[field]].ids()


def make_context(
    corpus: Corpus,
    repository: str = "",
    branch: str = "main",
    site_url: str = "",
    preview: bool = False,
) -> SiteContext:
    """A context; `repository` is the project's GitHub address (edit links), may be empty."""
    edit_base = f"{repository.rstrip('/')}/edit/{branch}/" if repository else ""
    site = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return SiteContext(corpus, load_vocabularies(), edit_base, site, preview)


def as_list(value: Any) -> list[Any]:
    """A front-matter value that should be a list, as a list (unvalidated input may be anything)."""
    return value if isinstance(value, list) else ([] if value is None else [value])


def as_dicts(value: Any) -> list[dict[str, Any]]:
    """Only the mapping items of a list value."""
    return [item for item in as_list(value) if isinstance(item, dict)]


# The front matter's prose that the project writes (not what it copies), typeset at render in its
# language. Quotations, titles of sources, names and publishers stay exactly as their sources write
# them.
CASE_PROSE = frozenset({"title", "summary", "retired_notice"})  # top level: the case's own title
# at any depth (figures, sources, datasets)
NOTE_PROSE = frozenset({"note", "comparison", "measure"})


def _typeset_prose(value: Any, lang: str, ours: bool) -> Any:
    if isinstance(value, dict):
        return {
            name: _typeset_prose(item, lang, name in NOTE_PROSE) for name, item in value.items()
        }
    if isinstance(value, list):
        return [_typeset_prose(item, lang, ours) for item in value]
    return typeset(value, lang) if ours and isinstance(value, str) else value


def shown_field(case: Case, lang: str, name: str) -> Any:
    """One top-level field as shown_meta shows it (lists need a title and a summary, not the
    rest)."""
    return _typeset_prose(
        case.meta(lang).get(name), case.source_lang(lang), name in CASE_PROSE | NOTE_PROSE
    )


def shown_meta(case: Case, lang: str) -> dict[str, Any]:
    """The front matter shown to readers of `lang`, its own prose typeset in the language it is
    written in
    (French spacing: one convention for case text, generated text and interface strings)."""
    return {
        name: _typeset_prose(value, case.source_lang(lang), name in CASE_PROSE | NOTE_PROSE)
        for name, value in case.meta(lang).items()
    }

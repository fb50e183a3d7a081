"""The "Propose a case study" GitHub issue form: one definition, used to write the form's YAML
(.github/ISSUE_TEMPLATE/propose-case.yml) and to read the issues it produces, so they cannot drift.
Its words are the command line's catalogue's (command_line.yml: contrib-issue-form)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from odimpact.command_line import catalogue
from odimpact.languages import LANGUAGES, language
from odimpact.vocabularies import load_vocabularies

FORM_PATH = ".github/ISSUE_TEMPLATE/propose-case.yml"
SECTION = "contrib-issue-form"
# The languages a proposal can be written in, as the form offers them: each named in itself.
LANGUAGE_OPTIONS = {language(code).own_name: code for code in LANGUAGES}
# The vocabularies whose ids a help text lists ({licences} in command_line.yml), by placeholder.
LISTED_IDS = {
    "licences": "licences",
    "roles": "organisation-roles",
    "kinds": "source-kinds",
    "standpoints": "source-independence",
}


@dataclass(frozen=True)
class FormField:
    """One question of the form: its id, bilingual label and help, input type and vocabulary."""

    id: str
    kind: str  # input, textarea, dropdown or checkboxes
    label: dict[str, str]
    help: dict[str, str]
    required: bool = False
    vocabulary: str | None = None
    multiple: bool = False

    @property
    def heading(self) -> str:
        """The label as GitHub prints it above the answer (### heading) in the issue body."""
        return f"{self.label['en']} / {self.label['fr']}"


def _ids(vocabulary: str) -> str:
    """A vocabulary's ids, for help texts that ask for them in a line of text."""
    return ", ".join(str(term_id) for term_id in load_vocabularies()[vocabulary].ids())


def _field(id_: str, kind: str, **extra: Any) -> FormField:
    """A question, its label and help from the catalogue, the vocabularies' ids filled in."""
    texts = catalogue()[SECTION]["fields"][id_]
    listed = {name: _ids(vocabulary) for name, vocabulary in LISTED_IDS.items()}
    helps = {lang: help_.format(**listed) for lang, help_ in texts["help"].items()}
    return FormField(id_, kind, dict(texts["label"]), helps, **extra)


FIELDS = (
    _field("lang", "dropdown", required=True),
    _field("title", "input", required=True),
    _field("case_id", "input"),
    _field("summary", "textarea", required=True),
    _field("jurisdiction", "dropdown", required=True, vocabulary="jurisdictions"),
    _field("government_level", "dropdown", vocabulary="government-levels"),
    _field("place", "input"),
    _field("sectors", "dropdown", required=True, vocabulary="sectors", multiple=True),
    _field("impact_types", "dropdown", vocabulary="impact-types", multiple=True),
    _field(
        "impact_dimensions",
        "dropdown",
        required=True,
        vocabulary="impact-dimensions",
        multiple=True,
    ),
    _field("reusers", "dropdown", required=True, vocabulary="reusers", multiple=True),
    _field("reuse_purposes", "dropdown", required=True, vocabulary="reuse-purposes", multiple=True),
    _field("period_start", "input"),
    _field("datasets", "textarea"),
    _field("organisations", "textarea", required=True),
    _field("sources", "textarea"),
    _field("story", "textarea"),
    _field("contributor", "input"),
    _field("consent", "checkboxes", required=True),
)


@cache
def _both(key: str) -> str:
    """One of the form's own texts (its name, its licence box...), "English / French"."""
    texts = catalogue()[SECTION]["messages"][key]
    return " / ".join(texts[lang] for lang in LANGUAGES)


def option(vocabulary: str, term_id: str | int) -> str:
    """A dropdown option: the id first (what the importer reads), then the bilingual label."""
    term = load_vocabularies()[vocabulary].term(term_id)
    label = (
        term.label["en"]
        if term.label["en"] == term.label["fr"]
        else f"{term.label['en']} / {term.label['fr']}"
    )
    return f"{term.id} — {label}"


def _options(field: FormField) -> list[str]:
    if field.id == "lang":
        return list(LANGUAGE_OPTIONS)
    assert field.vocabulary
    return [
        option(field.vocabulary, term_id) for term_id in load_vocabularies()[field.vocabulary].ids()
    ]


def _element(field: FormField) -> dict:
    attributes: dict = {
        "label": field.heading,
        "description": f"{field.help['en']} / {field.help['fr']}",
    }
    if field.kind == "dropdown":
        attributes["options"] = _options(field)
        attributes["multiple"] = field.multiple
    if field.kind == "checkboxes":
        attributes["options"] = [{"label": _both("consent"), "required": True}]
    element = {"type": field.kind, "id": field.id, "attributes": attributes}
    if field.required and field.kind != "checkboxes":
        element["validations"] = {"required": True}
    return element


def render_form() -> str:
    """The issue form's YAML text."""
    form = {
        "name": _both("name"),
        "description": _both("description"),
        "title": _both("title") + ": ",  # the proposer writes the case's title after it
        "labels": ["case-proposal"],
        "body": [
            {"type": "markdown", "attributes": {"value": _both("intro")}},
            *[_element(field) for field in FIELDS],
        ],
    }
    header = (
        "# GENERATED by `odimpact import-issue --print-form` from "
        "scripts/odimpact/contrib/issue_form.py: do not edit.\n"
    )
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=4096)

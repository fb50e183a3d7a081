"""The "Propose a case study" GitHub issue form: one definition, used to write the form's YAML
(.github/ISSUE_TEMPLATE/propose-case.yml) and to read the issues it produces, so they cannot drift."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from odimpact.vocabularies import load_vocabularies

FORM_PATH = ".github/ISSUE_TEMPLATE/propose-case.yml"
LANGUAGE_OPTIONS = {"English": "en", "Français": "fr"}
CONSENT = {"en": "I agree that this text may be published under CC BY 4.0.",
           "fr": "J'accepte que ce texte soit publié sous licence CC BY 4.0."}


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


def _field(id_: str, kind: str, en: str, fr: str, help_en: str, help_fr: str, **extra: object) -> FormField:
    return FormField(id_, kind, {"en": en, "fr": fr}, {"en": help_en, "fr": help_fr}, **extra)  # type: ignore[arg-type]


FIELDS = (
    _field("lang", "dropdown", "Language of your text", "Langue de votre texte", "The language you write this proposal in.",
           "La langue dans laquelle vous rédigez cette proposition.", required=True),
    _field("title", "input", "Title", "Titre", "A short title: what data, where, what changed.",
           "Un titre court : quelles données, où, ce qui a changé.", required=True),
    _field("case_id", "input", "Suggested id (optional)", "Identifiant proposé (facultatif)",
           "Lowercase words joined by hyphens, for example toronto-dinesafe. Left empty, it is made from the title.",
           "Mots en minuscules reliés par des traits d'union, par exemple toronto-dinesafe. Laissé vide, il est tiré du titre."),
    _field("summary", "textarea", "Summary", "Résumé", "One to three sentences: what data was opened, who used it, what changed.",
           "Une à trois phrases : quelles données ont été ouvertes, qui les a utilisées, ce qui a changé.", required=True),
    _field("jurisdiction", "dropdown", "Jurisdiction", "Administration", "The government whose data is at the heart of the case.",
           "L'administration dont les données sont au cœur du cas.", required=True, vocabulary="jurisdictions"),
    _field("government_level", "dropdown", "Order of government", "Ordre de gouvernement", "Who published the data.",
           "Qui a publié les données.", vocabulary="government-levels"),
    _field("place", "input", "Municipality or region (optional)", "Municipalité ou région (facultatif)",
           "Where relevant.", "S'il y a lieu."),
    _field("sectors", "dropdown", "Sectors", "Secteurs", "One to three, the main one first.", "Un à trois, le principal en premier.",
           required=True, vocabulary="sectors", multiple=True),
    _field("impact_types", "dropdown", "Impact types", "Types d'incidences", "Kinds of impact.", "Types d'incidences.",
           vocabulary="impact-types", multiple=True),
    _field("impact_dimensions", "dropdown", "Dimensions of impact", "Dimensions des incidences",
           "What the impact touched.", "Ce que les incidences ont touché.", required=True, vocabulary="impact-dimensions", multiple=True),
    _field("reusers", "dropdown", "Who reused the data", "Qui a réutilisé les données", "The kinds of reusers.",
           "Les types de réutilisateurs.", required=True, vocabulary="reusers", multiple=True),
    _field("reuse_purposes", "dropdown", "What the data was reused for", "À quoi les données ont servi", "The purposes of the reuse.",
           "Les fins de la réutilisation.", required=True, vocabulary="reuse-purposes", multiple=True),
    _field("period_start", "input", "First year of the use", "Première année de l'utilisation", "For example 2015.", "Par exemple 2015."),
    _field("datasets", "textarea", "Open datasets used", "Jeux de données ouverts utilisés",
           f"One per line: name | publisher | address (URL) | licence, one of {_ids('licences')} (unknown if you do not know).",
           f"Un par ligne : nom | diffuseur | adresse (URL) | licence, parmi {_ids('licences')} (unknown si vous l'ignorez)."),
    _field("organisations", "textarea", "Organisations involved", "Organisations en cause",
           f"One per line: name | roles, among {_ids('organisation-roles')}.",
           f"Une par ligne : nom | rôles, parmi {_ids('organisation-roles')}.", required=True),
    _field("sources", "textarea", "Sources", "Sources",
           f"One per line: title | publisher | address (URL) | kind, one of {_ids('source-kinds')} | standpoint, one of "
           f"{_ids('source-independence')}. At least two independent standpoints are needed to publish.",
           f"Une par ligne : titre | éditeur | adresse (URL) | type, parmi {_ids('source-kinds')} | point de vue, parmi "
           f"{_ids('source-independence')}. Il faut au moins deux points de vue indépendants pour publier."),
    _field("story", "textarea", "What happened", "Ce qui s'est passé",
           "The story in your own words: the context, what was done with the data, what changed.",
           "L'histoire dans vos mots : le contexte, ce qui a été fait avec les données, ce qui a changé."),
    _field("contributor", "input", "Your name, as it should be credited (optional)", "Votre nom, tel qu'il doit figurer (facultatif)",
           "Leave empty to stay anonymous.", "Laissez vide pour rester anonyme."),
    _field("consent", "checkboxes", "Licence", "Licence", "Case texts are published under CC BY 4.0.",
           "Les textes des études de cas sont publiés sous licence CC BY 4.0.", required=True),
)


def option(vocabulary: str, term_id: str | int) -> str:
    """A dropdown option: the id first (what the importer reads), then the bilingual label."""
    term = load_vocabularies()[vocabulary].term(term_id)
    label = term.label["en"] if term.label["en"] == term.label["fr"] else f"{term.label['en']} / {term.label['fr']}"
    return f"{term.id} — {label}"


def _options(field: FormField) -> list[str]:
    if field.id == "lang":
        return list(LANGUAGE_OPTIONS)
    assert field.vocabulary
    return [option(field.vocabulary, term_id) for term_id in load_vocabularies()[field.vocabulary].ids()]


def _element(field: FormField) -> dict:
    attributes: dict = {"label": field.heading, "description": f"{field.help['en']} / {field.help['fr']}"}
    if field.kind == "dropdown":
        attributes["options"] = _options(field)
        attributes["multiple"] = field.multiple
    if field.kind == "checkboxes":
        attributes["options"] = [{"label": f"{CONSENT['en']} / {CONSENT['fr']}", "required": True}]
    element = {"type": field.kind, "id": field.id, "attributes": attributes}
    if field.required and field.kind != "checkboxes":
        element["validations"] = {"required": True}
    return element


def render_form() -> str:
    """The issue form's YAML text."""
    intro = ("Thank you! Describe an open-data impact in Canada; an editor turns it into a draft case with "
             "`odimpact import-issue`. / Merci! Décrivez une incidence des données ouvertes au Canada; une "
             "personne de l'équipe en fait une ébauche d'étude de cas avec `odimpact import-issue`.")
    form = {
        "name": "Propose a case study / Proposer une étude de cas",
        "description": "Suggest an open-data impact case for the knowledge base. / Proposez un cas d'incidence des données ouvertes.",
        "title": "Case proposal / Proposition de cas: ",
        "labels": ["case-proposal"],
        "body": [{"type": "markdown", "attributes": {"value": intro}}] + [_element(field) for field in FIELDS],
    }
    header = "# GENERATED by `odimpact import-issue --print-form` from scripts/odimpact/contrib/issue_form.py: do not edit.\n"
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=4096)

"""The interview kit: a guide and a consent form per language, generated from the outline's section
headings (schema/outline.yml) and the question bank (schema/interview-questions.yml).

The pages are what interviewers read and interviewees sign, so they are committed
(docs/interviews/) and `odimpact regenerate --check` fails when they are stale.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

import yaml

from odimpact.contrib.issue_form import LANGUAGE_OPTIONS
from odimpact.languages import LANGUAGES
from odimpact.outline import outline
from odimpact.paths import REPO_ROOT, SCHEMA_DIR
from odimpact.publication.formatting import colon
from odimpact.publication.strings import text
from odimpact.strict_yaml import Path_, YamlError, load
from odimpact.typography import typeset
from odimpact.vocabularies import load_vocabularies

QUESTION_BANK = SCHEMA_DIR / "interview-questions.yml"
MKDOCS_CONFIG = REPO_ROOT / "mkdocs.yml"
ISSUE_FORM = "offer-interview.yml"
QUESTIONS_PER_SECTION = range(2, 5)
BOX = "\u2610"  # ☐, a box to tick on paper
BLANK = "<br><br>"  # room to write in a printed table cell
# The anchor GitHub gives each language's CONTRIBUTING section (a test checks the headings).
CONTRIBUTING = {"en": ("CONTRIBUTING.md", "recording-an-interview"), "fr": ("CONTRIBUTING.fr.md", "consigner-une-entrevue")}

Pair = dict[str, str]
Locate = Callable[[Path_], str]  # a value's path in the file -> "file:line:column"


# The words of the interview guide in one language: plain strings, and lists of items keyed by name.
# The functional form, because one key ("or") is a Python keyword.
GuideText = TypedDict("GuideText", {
    "title": str, "description": str, "generated": str, "intro": str,
    "prepare": str, "prepare_items": dict[str, str], "or": str,
    "questions": str, "questions_intro": str, "opening": str, "opening_intro": str, "closing": str,
    "after": str, "after_items": dict[str, str],
    "record": str, "record_items": dict[str, str], "record_more": str,
})


class ConsentText(TypedDict):
    """The words of the consent form in one language: plain strings, and lists of fields or items keyed by name."""

    title: str
    description: str
    generated: str
    fields_header: str
    fields: dict[str, str]
    project: str
    project_text: str
    use: str
    use_items: dict[str, str]
    choices: str
    choices_intro: str
    choices_header: str
    publish: str
    named: str
    recorded: str
    language: str
    rights: str
    rights_items: dict[str, str]
    signatures: str
    signatures_intro: str
    signatures_header: str
    signature_fields: dict[str, str]


GUIDE: dict[str, GuideText] = {
    "en": {
        "title": "Interview guide",
        "description": "How to prepare, conduct and record an interview with a stakeholder for a case study.",
        "generated": (
            "This page is generated from `schema/interview-questions.yml` and `schema/outline.yml` "
            "by `odimpact regenerate`. Do not edit it by hand."
        ),
        "intro": (
            "An interview adds what documents leave out: how a case unfolded, what changed for the people involved, and "
            "what did not work. It is one source among others: it is listed in the case's sources with the kind "
            "*{interview_kind}*, and it speaks for the standpoint of the person interviewed. A figure given in an "
            "interview is not enough on its own: ask where it is published, and cite that document too. Anyone can "
            "offer an interview with the issue form [*Offer an interview*]({issue_form}); use the [consent form](consent.md) "
            "with every interview."
        ),
        "prepare": "Before the interview",
        "prepare_items": {
            "read": (
                "Read the case, or the proposal, and its sources. Note what is missing, uncertain "
                "or disputed: that is what the interview is for."
            ),
            "agree": (
                "Agree with the person on the language (English or French) and the method "
                "({methods}). Send them the [consent form](consent.md) beforehand, in their "
                "language."
            ),
            "standpoint": (
                "Note who the person speaks for: the data publisher, the reuser, or neither. This "
                "will be the `independence` of the interview's source."
            ),
            "choose": (
                "Choose the questions: not every question suits every person. Keep the order "
                "below, and prepare follow-ups in neutral words, such as \"Can you give an "
                "example?\" or \"How do you know?\""
            ),
            "storage": "Agree with the editors on where your notes and any recording will be kept: privately, never in the repository.",
        },
        "or": "or",
        "questions": "Questions",
        "questions_intro": (
            "Ask one question at a time, and leave room for silence. Suggest neither an answer nor that the data had an "
            "effect: let the person say what changed, and what did not. Write quotes down word for word, in the language spoken. "
            "Under each heading of the case's outline, a line in italics recalls what that section of the case says."
        ),
        "opening": "Opening",
        "opening_intro": "Say, in your own words:",
        "closing": "Closing",
        "after": "After the interview",
        "after_items": {
            "notes": "Write up your notes the same day. Mark a quote as word for word only if it is.",
            "review": (
                "Send the person the quotes you intend to use, with their translation, and the "
                "passages that rely on the interview. Apply their corrections, and remove what "
                "they withdraw."
            ),
            "hand_over": (
                "Give the signed consent form, your notes and any recording to the editors, who "
                "keep them privately. None of them goes in the repository."
            ),
        },
        "record": "Recording the interview in a case",
        "record_items": {
            "source": (
                "Add a source of kind `interview` (*{interview_kind}*), with a descriptive title "
                "that names the person only if they agreed to be named (for example \"Interview "
                "with an open data manager, City of Exampleville\", with `descriptive_title: "
                "true`) and the date of the interview. Its `independence` field says who the "
                "person speaks for:"
            ),
            "entry": (
                "Add an entry to `interviews` that points to this source and gives the person's "
                "role and organization, their name only if they agreed to be named, the date, the "
                "interviewer, the language (`en` or `fr`), the method, and the consent recorded on "
                "the form: `publish` is `given` only if they agreed to be quoted, `named` is "
                "`true` only if they agreed to be named, and its `date` is the date of their "
                "signature. The [format reference](../reference/format.md) describes every field."
            ),
            "quotes": (
                "Under `quotes`, `original` holds the words as spoken, in the language of the "
                "interview; the file in the other language gives their `translation`."
            ),
            "never": (
                "Never add a name or a quote without the matching consent, nor anything the person "
                "has withdrawn; this includes a figure's `quote` taken from the interview."
            ),
        },
        "record_more": "The contributor guide gives the same steps: [Recording an interview]({contributing}).",
    },
    "fr": {
        "title": "Guide d'entrevue",
        "description": "Comment préparer, mener et consigner une entrevue avec une partie prenante pour une étude de cas.",
        "generated": (
            "Cette page est produite à partir de `schema/interview-questions.yml` et "
            "`schema/outline.yml` par `odimpact regenerate`. Ne la modifiez pas à la main."
        ),
        "intro": (
            "Une entrevue apporte ce que les documents ne disent pas\u00a0: le déroulement du cas, ce qui a changé pour les "
            "personnes concernées et ce qui n'a pas fonctionné. C'est une source parmi d'autres\u00a0: elle figure dans les "
            "sources de l'étude de cas avec le type *{interview_kind}*, et elle exprime le point de vue de la personne "
            "interrogée. Un chiffre donné en entrevue ne suffit pas à lui seul\u00a0: demandez où il est publié, et citez "
            "aussi ce document. Toute personne peut offrir une entrevue au moyen du formulaire [*Offrir une entrevue*]({issue_form})"
            "; utilisez le [formulaire de consentement](consent.md) pour chaque entrevue."
        ),
        "prepare": "Avant l'entrevue",
        "prepare_items": {
            "read": (
                "Lisez l'étude de cas, ou la proposition, et ses sources. Notez ce qui manque, ce "
                "qui est incertain ou contesté\u00a0: c'est à cela que sert l'entrevue."
            ),
            "agree": (
                "Convenez avec la personne de la langue (français ou anglais) et du mode "
                "({methods}). Envoyez-lui d'avance le [formulaire de consentement](consent.md), "
                "dans sa langue."
            ),
            "standpoint": (
                "Notez pour qui parle la personne\u00a0: le diffuseur des données, le "
                "réutilisateur, ou ni l'un ni l'autre. Ce sera la valeur du champ `independence` "
                "de la source de l'entrevue."
            ),
            "choose": (
                "Choisissez les questions\u00a0: elles ne conviennent pas toutes à chaque "
                "personne. Gardez l'ordre ci-dessous, et préparez des relances neutres, comme "
                "«\u00a0Pouvez-vous donner un exemple?\u00a0» ou «\u00a0Comment le "
                "savez-vous?\u00a0»"
            ),
            "storage": (
                "Convenez avec l'équipe éditoriale de l'endroit où seront conservés vos notes et "
                "tout enregistrement\u00a0: en privé, jamais dans le dépôt."
            ),
        },
        "or": "ou",
        "questions": "Questions",
        "questions_intro": (
            "Posez une question à la fois, et laissez place aux silences. Ne suggérez ni une réponse ni que les données ont eu "
            "un effet\u00a0: laissez la personne dire ce qui a changé, et ce qui n'a pas changé. Notez les citations mot pour mot, "
            "dans la langue de l'entrevue. Sous chaque intertitre du plan de l'étude de cas, une ligne en italique rappelle le "
            "contenu de cette section."
        ),
        "opening": "Ouverture",
        "opening_intro": "Dites, dans vos mots\u00a0:",
        "closing": "Conclusion",
        "after": "Après l'entrevue",
        "after_items": {
            "notes": "Mettez vos notes au propre le jour même. Ne présentez une citation comme textuelle que si elle l'est.",
            "review": (
                "Envoyez à la personne les citations que vous comptez utiliser, avec leur "
                "traduction, et les passages qui s'appuient sur l'entrevue. Apportez ses "
                "corrections, et retirez ce qu'elle retire."
            ),
            "hand_over": (
                "Remettez le formulaire de consentement signé, vos notes et tout enregistrement à "
                "l'équipe éditoriale, qui les conserve en privé. Aucun de ces documents ne va dans "
                "le dépôt."
            ),
        },
        "record": "Consigner l'entrevue dans une étude de cas",
        "record_items": {
            "source": (
                "Ajoutez une source de type `interview` (*{interview_kind}*), avec un titre "
                "descriptif qui ne nomme la personne que si elle a accepté d'être nommée (par "
                "exemple «\u00a0Entrevue avec une gestionnaire des données ouvertes, Ville "
                "d'Exempleville\u00a0», avec `descriptive_title: true`) et la date de l'entrevue. "
                "Son champ `independence` indique pour qui parle la personne\u00a0:"
            ),
            "entry": (
                "Ajoutez à `interviews` une entrée qui renvoie à cette source et qui indique le "
                "rôle et l'organisation de la personne, son nom seulement si elle a accepté d'être "
                "nommée, la date, la personne qui a mené l'entrevue, la langue (`en` ou `fr`), le "
                "mode, et le consentement consigné sur le formulaire\u00a0: `publish` vaut `given` "
                "seulement si elle a accepté d'être citée, `named` vaut `true` seulement si elle a "
                "accepté d'être nommée, et sa `date` est celle de sa signature. La [référence du "
                "format](../reference/format.md) décrit chaque champ."
            ),
            "quotes": (
                "Sous `quotes`, `original` contient les paroles telles qu'elles ont été dites, "
                "dans la langue de l'entrevue; le fichier de l'autre langue en donne la traduction "
                "(`translation`)."
            ),
            "never": (
                "N'ajoutez jamais un nom ou une citation sans le consentement correspondant, ni "
                "rien de ce que la personne a retiré; cela vaut aussi pour la citation (`quote`) "
                "d'un chiffre tirée de l'entrevue."
            ),
        },
        "record_more": "Le guide de contribution donne les mêmes étapes\u00a0: [Consigner une entrevue]({contributing}).",
    },
}

CONSENT: dict[str, ConsentText] = {
    "en": {
        "title": "Interview consent form",
        "description": "What the interview is for, how it will be used, and the choices of the person interviewed: to print and sign.",
        "generated": "Generated from scripts/odimpact/interview_kit.py by odimpact regenerate: do not edit.",
        "fields_header": "| Interview | To fill in |",
        "fields": {"case": "Case study (title or id)", "date": "Date of the interview", "interviewer": "Interviewer"},
        "project": "About the project",
        "project_text": (
            "{site_name} is a public, bilingual (English and French) knowledge base of case studies on what open government "
            "data changes in Canada. Its case studies are published on a public website, and anyone may reuse them under the "
            "Creative Commons Attribution 4.0 licence (CC BY 4.0)."
        ),
        "use": "How the interview will be used",
        "use_items": {
            "notes": (
                "The interviewer takes notes. The interview is recorded (sound or video) only if "
                "you agree below, and only to check quotes."
            ),
            "source": (
                "The interview is listed as a source of the case study, with its date, your role "
                "and your organization. Your name appears only if you agree below."
            ),
            "quotes": (
                "If you agree below, the case study may quote your words, word for word in the "
                "language you spoke, with a translation into the other official language."
            ),
            "context": "The case study reports what you said next to its other sources, which may see things differently.",
            "storage": (
                "This form, the notes and any recording are kept privately by the project's "
                "editors. They are never published, nor placed in the project's public repository."
            ),
        },
        "choices": "Your choices",
        "choices_intro": "Tick one box on each line. You may change your answers until the case study is published.",
        "choices_header": "| Choice | Yes | No |",
        "publish": "I agree that my words may be quoted in the published case study.",
        "named": "I agree to be named. Otherwise, only my role and organization are given.",
        "recorded": "I agree that the interview may be recorded, for the interviewer's use only.",
        "language": "Language of the interview:",
        "rights": "Your rights",
        "rights_items": {
            "voluntary": (
                "**Taking part is voluntary.** You may decline any question, and stop the "
                "interview at any time, without giving a reason."
            ),
            "review": (
                "**Review.** Before publication, you will receive every quote we intend to use, "
                "word for word and in translation, and the passages based on the interview. You "
                "may correct them or withdraw them."
            ),
            "withdraw": (
                "**Withdrawal.** Until the case study is published, you may withdraw your consent, "
                "in whole or in part, by writing to the interviewer. Nothing you withdraw will be "
                "published."
            ),
            "copy": "You will receive a copy of this form.",
        },
        "signatures": "Signatures",
        "signatures_intro": "By signing, you confirm that you have read this form and that the choices above are yours.",
        "signatures_header": "| Field | Person interviewed | Interviewer |",
        "signature_fields": {
            "name": "Name",
            "role": "Role and organization",
            "contact": "Email or telephone, for the review of quotes and any withdrawal",
            "signature": "Signature",
            "date": "Date",
        },
    },
    "fr": {
        "title": "Formulaire de consentement à l'entrevue",
        "description": (
            "À quoi sert l'entrevue, comment elle sera utilisée, et les choix de la personne "
            "interrogée\u00a0: à imprimer et à signer."
        ),
        "generated": "Produit à partir de scripts/odimpact/interview_kit.py par odimpact regenerate\u00a0: ne pas modifier.",
        "fields_header": "| Entrevue | À remplir |",
        "fields": {
            "case": "Étude de cas (titre ou identifiant)",
            "date": "Date de l'entrevue",
            "interviewer": "Personne qui mène l'entrevue",
        },
        "project": "Le projet",
        "project_text": (
            "{site_name} est une base de connaissances publique et bilingue (français et anglais) d'études de cas sur ce que "
            "les données ouvertes gouvernementales changent au Canada. Ses études de cas sont publiées sur un site Web public, "
            "et chacun peut les réutiliser selon la licence Creative Commons Attribution 4.0 (CC BY 4.0)."
        ),
        "use": "Utilisation de l'entrevue",
        "use_items": {
            "notes": (
                "La personne qui mène l'entrevue prend des notes. L'entrevue n'est enregistrée "
                "(son ou vidéo) que si vous l'acceptez ci-dessous, et seulement pour vérifier les "
                "citations."
            ),
            "source": (
                "L'entrevue figure parmi les sources de l'étude de cas, avec sa date, votre rôle "
                "et votre organisation. Votre nom n'y figure que si vous l'acceptez ci-dessous."
            ),
            "quotes": (
                "Si vous l'acceptez ci-dessous, l'étude de cas peut citer vos propos, mot pour mot "
                "dans la langue de l'entrevue, avec une traduction dans l'autre langue officielle."
            ),
            "context": "L'étude de cas rapporte vos propos à côté de ses autres sources, qui peuvent voir les choses autrement.",
            "storage": (
                "Ce formulaire, les notes et tout enregistrement sont conservés en privé par "
                "l'équipe éditoriale du projet. Ils ne sont jamais publiés, ni versés dans le "
                "dépôt public du projet."
            ),
        },
        "choices": "Vos choix",
        "choices_intro": "Cochez une case par ligne. Vous pouvez modifier vos réponses jusqu'à la publication de l'étude de cas.",
        "choices_header": "| Choix | Oui | Non |",
        "publish": "J'accepte que mes propos soient cités dans l'étude de cas publiée.",
        "named": "J'accepte que mon nom soit publié. Sinon, seuls mon rôle et mon organisation sont indiqués.",
        "recorded": "J'accepte que l'entrevue soit enregistrée, pour le seul usage de la personne qui la mène.",
        "language": "Langue de l'entrevue\u00a0:",
        "rights": "Vos droits",
        "rights_items": {
            "voluntary": (
                "**Votre participation est volontaire.** Vous pouvez refuser de répondre à toute "
                "question, et arrêter l'entrevue à tout moment, sans avoir à vous justifier."
            ),
            "review": (
                "**Révision.** Avant la publication, vous recevrez chaque citation que nous "
                "comptons utiliser, mot pour mot et dans sa traduction, ainsi que les passages "
                "fondés sur l'entrevue. Vous pourrez les corriger ou les retirer."
            ),
            "withdraw": (
                "**Retrait.** Jusqu'à la publication de l'étude de cas, vous pouvez retirer votre "
                "consentement, en tout ou en partie, en écrivant à la personne qui a mené "
                "l'entrevue. Rien de ce que vous retirez ne sera publié."
            ),
            "copy": "Vous recevrez une copie de ce formulaire.",
        },
        "signatures": "Signatures",
        "signatures_intro": "En signant, vous confirmez avoir lu ce formulaire et que les choix ci-dessus sont les vôtres.",
        "signatures_header": "| Champ | Personne interrogée | Personne qui mène l'entrevue |",
        "signature_fields": {
            "name": "Nom",
            "role": "Rôle et organisation",
            "contact": "Courriel ou téléphone, pour la révision des citations et tout retrait",
            "signature": "Signature",
            "date": "Date",
        },
    },
}


@dataclass(frozen=True)
class QuestionBank:
    """The interview's questions, each an {en, fr} pair: opening words, questions by outline section id, closing."""

    opening: tuple[Pair, ...]
    sections: dict[str, tuple[Pair, ...]]
    closing: tuple[Pair, ...]


def _is_pair(item: Any) -> bool:
    """An {en, fr} pair: non-empty text in each language, and nothing else."""
    return isinstance(item, dict) and set(item) == set(LANGUAGES) and all(isinstance(v, str) and v.strip() for v in item.values())


def _pair_problems(items: Any, where: Path_, locate: Locate) -> list[str]:
    """Why a list of {en, fr} pairs is malformed, one line per problem."""
    name = ".".join(map(str, where))
    if not isinstance(items, list):
        return [f"{locate(where)}: {name}: expected a list of {{en, fr}} pairs"]
    return [f"{locate((*where, index))}: {name}[{index}]: needs non-empty text in en and fr, and nothing else"
            for index, item in enumerate(items) if not _is_pair(item)]


def _bank_problems(data: Any, locate: Locate) -> list[str]:
    """Every way the question bank disagrees with its shape or with the outline's sections."""
    if not isinstance(data, dict) or set(data) != {"opening", "sections", "closing"}:
        return [f"{locate(())}: the file needs exactly the keys opening, sections and closing"]
    problems = _pair_problems(data["opening"], ("opening",), locate) + _pair_problems(data["closing"], ("closing",), locate)
    sections = data["sections"] if isinstance(data["sections"], dict) else {}
    expected = [section["id"] for section in outline()]
    problems += [f"{locate(('sections',))}: sections: no questions for the outline section {id_!r}"
                 for id_ in expected if id_ not in sections]
    problems += [f"{locate(('sections', id_))}: sections: {id_!r} is not a section of schema/outline.yml"
                 for id_ in sections if id_ not in expected]
    for id_, items in sections.items():
        problems += _pair_problems(items, ("sections", id_), locate)
        if isinstance(items, list) and len(items) not in QUESTIONS_PER_SECTION:
            problems.append(f"{locate(('sections', id_))}: sections.{id_}: {len(items)} questions; give two to four")
    return problems


@cache
def load_question_bank(path: Path = QUESTION_BANK) -> QuestionBank:
    """The question bank, read strictly; raises ValueError listing every problem, compiler style."""
    display = path.relative_to(REPO_ROOT).as_posix() if path.is_relative_to(REPO_ROOT) else str(path)
    try:
        document = load(path.read_text(encoding="utf-8"))
    except YamlError as error:  # duplicate keys, aliases, bad syntax: the strict loader's codes
        raise ValueError(f"{display}:{error.position.line}:{error.position.column}: {error.code} {error.params or ''}".rstrip()) from None

    def locate(where: Path_) -> str:
        line, column = document.position(where)
        return f"{display}:{line}:{column}"

    problems = _bank_problems(document.data, locate)
    if problems:
        raise ValueError("\n".join(problems))
    data = document.data
    return QuestionBank(tuple(data["opening"]), {id_: tuple(items) for id_, items in data["sections"].items()}, tuple(data["closing"]))


def _front_matter(title: str, description: str) -> list[str]:
    """YAML front matter with the page's title and description (what MkDocs and search show)."""
    dumped = yaml.safe_dump({"title": title, "description": description}, allow_unicode=True, sort_keys=False, width=10_000)
    return ["---", *dumped.rstrip().split("\n"), "---", ""]


@cache
def _repository() -> tuple[str, str]:
    """The repository's address and branch, from mkdocs.yml (extra.odimpact), the one place that owns them."""
    settings = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8"))["extra"]["odimpact"]
    return settings["repository"], settings.get("branch", "main")


def _links(lang: str) -> dict[str, str]:
    """The addresses a guide points to outside the site: the issue form and the contributor guide's section."""
    repository, branch = _repository()
    name, anchor = CONTRIBUTING[lang]
    return {"issue_form": f"{repository}/issues/new?template={ISSUE_FORM}", "contributing": f"{repository}/blob/{branch}/{name}#{anchor}"}


def _independence(lang: str) -> list[str]:
    """The standpoints an interview can speak for, from the source-independence vocabulary."""
    return [f"    - `{term.id}`{colon(lang)}{term.label[lang]}. {term.definition[lang]}"
            for term in load_vocabularies()["source-independence"].terms]


def _methods(lang: str) -> str:
    """The ways an interview can be held, from the interview-methods vocabulary, as a phrase: "a, b or c"."""
    labels = [term.label[lang][0].lower() + term.label[lang][1:] for term in load_vocabularies()["interview-methods"].terms]
    return f"{', '.join(labels[:-1])} {GUIDE[lang]['or']} {labels[-1]}"


def _questions(lang: str, bank: QuestionBank) -> list[str]:
    """The questions under the outline's headings, in its order, each heading with the section's id."""
    words = GUIDE[lang]
    lines = [f"### {words['opening']} {{#opening}}", "", words["opening_intro"], "", *[f"- {item[lang]}" for item in bank.opening], ""]
    for section in outline():
        lines += [f"### {section['heading'][lang]} {{#{section['id']}}}", "", f"*{section['guidance'][lang]}*", ""]
        lines += [f"1. {item[lang]}" for item in bank.sections[section["id"]]] + [""]
    return lines + [f"### {words['closing']} {{#closing}}", "", *[f"1. {item[lang]}" for item in bank.closing], ""]


def render_guide(lang: str) -> str:
    """The interview guide in one language."""
    words = GUIDE[lang]
    fill = {"interview_kind": load_vocabularies()["source-kinds"].label("interview", lang), **_links(lang)}
    record = words["record_items"]
    lines = [*_front_matter(words["title"], words["description"]), f"# {words['title']}", "",
             f"!!! note \"\"\n    {words['generated']}", "", words["intro"].format(**fill), "",
             f"## {words['prepare']} {{#prepare}}", "",
             *[f"- {item.format(methods=_methods(lang))}" for item in words["prepare_items"].values()], "",
             f"## {words['questions']} {{#questions}}", "", words["questions_intro"], "", *_questions(lang, load_question_bank()),
             f"## {words['after']} {{#after}}", "", *[f"- {item}" for item in words["after_items"].values()], "",
             f"## {words['record']} {{#record}}", "", f"1. {record['source'].format(**fill)}", "", *_independence(lang), "",
             *[f"1. {record[key]}" for key in ("entry", "quotes", "never")], "", words["record_more"].format(**fill)]
    return typeset("\n".join(lines).rstrip() + "\n", lang)


def _choices(lang: str) -> list[str]:
    """The yes/no table of consent choices and the language of the interview, boxes to tick on paper."""
    words = CONSENT[lang]
    rows = [f"| {words[key]} | {BOX} | {BOX} |" for key in ("publish", "named", "recorded")]
    names = {code: name for name, code in LANGUAGE_OPTIONS.items()}
    order = sorted(LANGUAGES, key=lambda code: code != lang)  # the page's own language first
    return [words["choices_intro"], "", words["choices_header"], "|---|---|---|", *rows, "",
            f"{words['language']} {BOX} {names[order[0]]} {BOX} {names[order[1]]}"]


def render_consent(lang: str) -> str:
    """The consent form in one language, to print, fill in and sign."""
    words = CONSENT[lang]
    fields = [words["fields_header"], "|---|---|", *[f"| {field} | {BLANK} |" for field in words["fields"].values()]]
    signatures = [words["signatures_header"], "|---|---|---|",
                  *[f"| {field} | {BLANK} | {BLANK} |" for field in words["signature_fields"].values()]]
    lines = [*_front_matter(words["title"], words["description"]), f"<!-- {words['generated']} -->", "",
             f"# {words['title']}", "", *fields, "",
             f"## {words['project']} {{#project}}", "", words["project_text"].format(site_name=text("site_name", lang)), "",
             f"## {words['use']} {{#use}}", "", *[f"- {item}" for item in words["use_items"].values()], "",
             f"## {words['choices']} {{#choices}}", "", *_choices(lang), "",
             f"## {words['rights']} {{#rights}}", "", *[f"- {item}" for item in words["rights_items"].values()], "",
             f"## {words['signatures']} {{#signatures}}", "", words["signatures_intro"], "", *signatures]
    return typeset("\n".join(lines).rstrip() + "\n", lang)


def interview_files() -> dict[str, str]:
    """Relative path under docs/ -> expected content: the guide and the consent form in each language."""
    files = {}
    for lang in LANGUAGES:
        files[f"interviews/guide.{lang}.md"] = render_guide(lang)
        files[f"interviews/consent.{lang}.md"] = render_consent(lang)
    return files

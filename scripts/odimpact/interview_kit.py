"""The interview kit: a guide and a consent form per language, generated from the outline's section
headings (schema/outline.yml) and the question bank (schema/interview-questions.yml), in the words
of the site's catalogue (publication/documents.yml: interview_guide_*, interview_consent_*).

The pages are what interviewers read and interviewees sign, so they are committed
(docs/interviews/) and `odimpact regenerate --check` fails when they are stale.
"""

from __future__ import annotations

from functools import cache

import yaml

from odimpact.interview_questions import QuestionBank, load_question_bank
from odimpact.languages import LANGUAGES, language
from odimpact.outline import outline
from odimpact.paths import REPO_ROOT
from odimpact.publication.formatting import colon
from odimpact.publication.strings import text
from odimpact.typography import typeset
from odimpact.vocabularies import load_vocabularies

MKDOCS_CONFIG = REPO_ROOT / "mkdocs.yml"
ISSUE_FORM = "offer-interview.yml"
BOX = "\u2610"  # ☐, a box to tick on paper
BLANK = "<br><br>"  # room to write in a printed table cell
# The anchor GitHub gives each language's CONTRIBUTING section (a test checks the headings).
CONTRIBUTING = {
    "en": ("CONTRIBUTING.md", "recording-an-interview"),
    "fr": ("CONTRIBUTING.fr.md", "consigner-une-entrevue"),
}

# The items of each list of the guide and of the form, in the order the page gives them: each
# item's words are the catalogue's <prefix><item> (interview_guide_prepare_read, ...).
GUIDE_PREPARE = ("read", "agree", "standpoint", "choose", "storage")
GUIDE_AFTER = ("notes", "review", "hand_over")
GUIDE_RECORD = ("entry", "quotes", "never")  # the steps after the source and its standpoints
CONSENT_FIELDS = ("case", "date", "interviewer")
CONSENT_USES = ("notes", "source", "quotes", "context", "storage")
CONSENT_CHOICES = ("publish", "named", "recorded")
CONSENT_RIGHTS = ("voluntary", "review", "withdraw", "copy")
CONSENT_SIGNATURE = ("name", "role", "contact", "signature", "date")


def _front_matter(title: str, description: str) -> list[str]:
    """YAML front matter with the page's title and description (what MkDocs and search show)."""
    fields = {"title": title, "description": description}
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    return ["---", *dumped.rstrip().split("\n"), "---", ""]


def _heading(key: str, anchor: str, lang: str) -> str:
    """A section's heading, its words from the catalogue and its id the same in both languages."""
    return f"## {text(key, lang)} {{#{anchor}}}"


def _heading_row(columns: tuple[str, ...], lang: str) -> list[str]:
    """A table's heading row (interview_consent_column_<column>) and the line under it."""
    headings = [text(f"interview_consent_column_{column}", lang) for column in columns]
    return [f"| {' | '.join(headings)} |", f"|{'---|' * len(columns)}"]


@cache
def _repository() -> tuple[str, str]:
    """The repository's address and branch, from mkdocs.yml (extra.odimpact), the one place that
    owns them."""
    settings = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8"))["extra"]["odimpact"]
    return settings["repository"], settings.get("branch", "main")


def _links(lang: str) -> dict[str, str]:
    """The addresses a guide points to outside the site: the issue form and the contributor guide's
    section."""
    repository, branch = _repository()
    name, anchor = CONTRIBUTING[lang]
    return {
        "issue_form": f"{repository}/issues/new?template={ISSUE_FORM}",
        "contributing": f"{repository}/blob/{branch}/{name}#{anchor}",
    }


def _independence(lang: str) -> list[str]:
    """The standpoints an interview can speak for, from the source-independence vocabulary."""
    return [
        f"    - `{term.id}`{colon(lang)}{term.label[lang]}. {term.definition[lang]}"
        for term in load_vocabularies()["source-independence"].terms
    ]


def _methods(lang: str) -> str:
    """The ways an interview can be held, from the interview-methods vocabulary, as a phrase: "a, b
    or c"."""
    labels = [
        term.label[lang][0].lower() + term.label[lang][1:]
        for term in load_vocabularies()["interview-methods"].terms
    ]
    return text("interview_guide_methods", lang, listed=", ".join(labels[:-1]), last=labels[-1])


def _questions(lang: str, bank: QuestionBank) -> list[str]:
    """The questions under the outline's headings, in its order, each heading with the section's
    id."""
    lines = [
        f"### {text('interview_guide_opening', lang)} {{#opening}}",
        "",
        text("interview_guide_opening_intro", lang),
        "",
        *[f"- {item[lang]}" for item in bank.opening],
        "",
    ]
    for section in outline():
        lines += [
            f"### {section['heading'][lang]} {{#{section['id']}}}",
            "",
            f"*{section['guidance'][lang]}*",
            "",
        ]
        lines += [f"1. {item[lang]}" for item in bank.sections[section["id"]]] + [""]
    return lines + [
        f"### {text('interview_guide_closing', lang)} {{#closing}}",
        "",
        *[f"1. {item[lang]}" for item in bank.closing],
        "",
    ]


def render_guide(lang: str) -> str:
    """The interview guide in one language."""
    kind = load_vocabularies()["source-kinds"].label("interview", lang)
    fill = {"interview_kind": kind, **_links(lang)}
    methods = _methods(lang)
    prepare = [
        f"- {text(f'interview_guide_prepare_{item}', lang, methods=methods)}"
        for item in GUIDE_PREPARE
    ]
    after = [f"- {text(f'interview_guide_after_{item}', lang)}" for item in GUIDE_AFTER]
    record = [f"1. {text(f'interview_guide_record_{step}', lang)}" for step in GUIDE_RECORD]
    title = text("interview_guide_title", lang)
    lines = [
        *_front_matter(title, text("interview_guide_description", lang)),
        f"# {title}",
        "",
        f'!!! note ""\n    {text("interview_guide_generated", lang)}',
        "",
        text("interview_guide_intro", lang, **fill),
        "",
        _heading("interview_guide_prepare", "prepare", lang),
        "",
        *prepare,
        "",
        _heading("interview_guide_questions", "questions", lang),
        "",
        text("interview_guide_questions_intro", lang),
        "",
        *_questions(lang, load_question_bank()),
        _heading("interview_guide_after", "after", lang),
        "",
        *after,
        "",
        _heading("interview_guide_record", "record", lang),
        "",
        f"1. {text('interview_guide_record_source', lang, **fill)}",
        "",
        *_independence(lang),
        "",
        *record,
        "",
        text("interview_guide_record_more", lang, **fill),
    ]
    return typeset("\n".join(lines).rstrip() + "\n", lang)


def _choices(lang: str) -> list[str]:
    """The yes/no table of consent choices and the language of the interview, boxes to tick on
    paper."""
    rows = [
        f"| {text(f'interview_consent_choice_{choice}', lang)} | {BOX} | {BOX} |"
        for choice in CONSENT_CHOICES
    ]
    order = sorted(LANGUAGES, key=lambda code: code != lang)  # the page's own language first
    boxes = " ".join(f"{BOX} {language(code).own_name}" for code in order)
    return [
        text("interview_consent_choices_intro", lang),
        "",
        *_heading_row(("choice", "yes", "no"), lang),
        *rows,
        "",
        f"{text('interview_consent_language', lang)} {boxes}",
    ]


def render_consent(lang: str) -> str:
    """The consent form in one language, to print, fill in and sign."""
    fields = [
        *_heading_row(("interview", "to_fill"), lang),
        *[
            f"| {text(f'interview_consent_field_{field}', lang)} | {BLANK} |"
            for field in CONSENT_FIELDS
        ],
    ]
    names = [text(f"interview_consent_signature_{field}", lang) for field in CONSENT_SIGNATURE]
    signatures = [
        *_heading_row(("field", "interviewee", "interviewer"), lang),
        *[f"| {name} | {BLANK} | {BLANK} |" for name in names],
    ]
    uses = [f"- {text(f'interview_consent_use_{use}', lang)}" for use in CONSENT_USES]
    rights = [f"- {text(f'interview_consent_rights_{right}', lang)}" for right in CONSENT_RIGHTS]
    title = text("interview_consent_title", lang)
    lines = [
        *_front_matter(title, text("interview_consent_description", lang)),
        f"<!-- {text('interview_consent_generated', lang)} -->",
        "",
        f"# {title}",
        "",
        *fields,
        "",
        _heading("interview_consent_project", "project", lang),
        "",
        text("interview_consent_project_text", lang, site_name=text("site_name", lang)),
        "",
        _heading("interview_consent_use", "use", lang),
        "",
        *uses,
        "",
        _heading("interview_consent_choices", "choices", lang),
        "",
        *_choices(lang),
        "",
        _heading("interview_consent_rights", "rights", lang),
        "",
        *rights,
        "",
        _heading("interview_consent_signatures", "signatures", lang),
        "",
        text("interview_consent_signatures_intro", lang),
        "",
        *signatures,
    ]
    return typeset("\n".join(lines).rstrip() + "\n", lang)


def interview_files() -> dict[str, str]:
    """Relative path under docs/ -> expected content: the guide and the consent form in each
    language."""
    files = {}
    for lang in LANGUAGES:
        files[f"interviews/guide.{lang}.md"] = render_guide(lang)
        files[f"interviews/consent.{lang}.md"] = render_consent(lang)
    return files

"""The interview kit: question bank, generated guide and consent form, issue form and contributor
guide agree."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
import yaml

from odimpact.commands import regenerate
from odimpact.contrib.issue_form import LANGUAGE_OPTIONS
from odimpact.interview_kit import (
    BOX,
    CONTRIBUTING,
    ISSUE_FORM,
    interview_files,
    render_consent,
    render_guide,
)
from odimpact.interview_questions import QUESTION_BANK, load_question_bank
from odimpact.languages import LANGUAGES
from odimpact.outline import outline
from odimpact.paths import DOCS_DIR, REPO_ROOT
from odimpact.schema import case_schema
from odimpact.vocabularies import load_vocabularies

FORM = REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM
MKDOCS = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
NBSP = "\u00a0"
# Words a leading question leans on: it suggests its answer or that the data worked.
LEADING = {
    "en": re.compile(
        (
            r"\b(don't you|wouldn't you|isn't it|surely|obviously|how much did|how did the "
            r"data help)\b"
        ),
        re.I,
    ),
    "fr": re.compile(
        r"\b(n'est-ce pas|ne pensez-vous pas|évidemment|sans doute|à quel point)\b", re.I
    ),
}


def every_question(lang: str) -> list[str]:
    bank = load_question_bank()
    return [item[lang] for items in bank.sections.values() for item in items] + [
        item[lang] for item in bank.closing
    ]


def heading_ids(page: str) -> list[str]:
    return re.findall(r"^#+ .*\{#([a-z-]+)\}$", page, re.M)


def front_matter(page: str) -> dict:
    assert page.startswith("---\n"), page[:40]
    return yaml.safe_load(page.split("---\n")[1])


# The question bank


def test_every_outline_section_has_questions_in_both_languages_with_the_same_count() -> None:
    bank = load_question_bank()
    assert list(bank.sections) == [section["id"] for section in outline()]
    for items in (*bank.sections.values(), bank.opening, bank.closing):
        english, french = (
            [item[lang].strip() for item in items if item.get(lang, "").strip()]
            for lang in LANGUAGES
        )
        assert len(english) == len(french) == len(items) > 0, items
    assert all(2 <= len(items) <= 4 for items in bank.sections.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_questions_are_open_questions_without_leading_words(lang: str) -> None:
    for question in every_question(lang):
        assert question.endswith("?") and not LEADING[lang].search(question), question


def test_french_follows_the_glossary_typography() -> None:
    """Non-breaking space before ':' and inside « », none before ; ! ? (Canadian usage)."""
    bank = load_question_bank()
    french = [
        item["fr"]
        for item in (
            *bank.opening,
            *bank.closing,
            *(i for items in bank.sections.values() for i in items),
        )
    ]
    for text in [*french, render_guide("fr"), render_consent("fr")]:
        assert not re.search(r"[ \t]:\s|« | »|[ \u00a0][;!?]", text), re.search(
            r".{0,30}([ \t]:\s|« | »|[ \u00a0][;!?]).{0,10}", text
        )


def write_bank(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(QUESTION_BANK.read_text(encoding="utf-8"))
    edit(data)
    # no shared objects, so no YAML aliases (which the strict loader refuses)
    data = json.loads(json.dumps(data))
    path = tmp_path / "interview-questions.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


BAD_BANKS = {
    "section_missing": (
        lambda d: d["sections"].pop("lessons"),
        "sections: no questions for the outline section 'lessons'",
    ),
    "section_unknown": (
        lambda d: d["sections"].update(outcome=d["sections"]["impact"]),
        "sections: 'outcome' is not a section of schema/outline.yml",
    ),
    "french_missing": (
        lambda d: d["sections"]["data"][1].pop("fr"),
        "sections.data[1]: needs non-empty text in en and fr, and nothing else",
    ),
    "too_many": (
        lambda d: d["sections"]["context"].extend(d["sections"]["impact"][:2]),
        "sections.context: 5 questions; give two to four",
    ),
    "closing_empty_english": (
        lambda d: d["closing"][0].update(en=" "),
        "closing[0]: needs non-empty text in en and fr, and nothing else",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_BANKS))
def test_a_bad_question_bank_is_refused_with_its_position(tmp_path: Path, name: str) -> None:
    edit, message = BAD_BANKS[name]
    path = write_bank(tmp_path, edit)
    with pytest.raises(ValueError) as error:
        load_question_bank(path)
    (line,) = str(error.value).splitlines()
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: {re.escape(message)}", line), line


# The generated pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guide_has_every_outline_heading_and_every_question(lang: str) -> None:
    page = render_guide(lang)
    assert set(front_matter(page)) == {"title", "description"}
    for section in outline():
        assert f"\n### {section['heading'][lang]} {{#{section['id']}}}\n" in page
    bank = load_question_bank()
    for item in (
        *bank.opening,
        *bank.closing,
        *(i for items in bank.sections.values() for i in items),
    ):
        assert item[lang].replace(" :", NBSP + ":") in page, item[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guide_explains_how_to_record_the_interview_with_the_vocabularies(lang: str) -> None:
    page = render_guide(lang)
    assert load_vocabularies()["source-kinds"].label("interview", lang) in page
    for term in load_vocabularies()["source-independence"].terms:
        assert f"`{term.id}`" in page and term.label[lang] in page
    for field in (
        "`interviews`",
        "`quotes`",
        "`publish`",
        "`named`",
        "(consent.md)",
        "(../reference/format.md)",
    ):
        assert field in page


CONSENT_WORDS = {
    "en": {
        "publish": "my words may be quoted",
        "named": "I agree to be named",
        "review": "**Review.**",
        "withdraw": "withdraw your consent",
        "language": "Language of the interview",
    },
    "fr": {
        "publish": "mes propos soient cités",
        "named": "mon nom soit publié",
        "review": "**Révision.**",
        "withdraw": "retirer votre consentement",
        "language": "Langue de l'entrevue",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_consent_form_covers_publishing_naming_review_and_withdrawal(lang: str) -> None:
    page = render_consent(lang)
    assert set(front_matter(page)) == {"title", "description"}
    for choice, words in CONSENT_WORDS[lang].items():
        assert words in page, (lang, choice)
    choices = [line for line in page.splitlines() if line.endswith(f"| {BOX} | {BOX} |")]
    assert len(choices) == 3 and any(CONSENT_WORDS[lang]["publish"] in line for line in choices)
    assert all(f"{BOX} {name}" in page for name in LANGUAGE_OPTIONS)
    assert "Signature" in page and "| Date |" in page


def test_both_languages_have_the_same_structure() -> None:
    for render in (render_guide, render_consent):
        english, french = (render(lang) for lang in ("en", "fr"))
        assert heading_ids(english) == heading_ids(french)
        assert [english.count(mark) for mark in ("\n- ", "\n1. ", "\n    - ", "|", BOX, "](")] == [
            french.count(mark) for mark in ("\n- ", "\n1. ", "\n    - ", "|", BOX, "](")
        ]


# Regeneration


def test_interview_pages_are_registered_and_regenerate_check_passes(run_cli) -> None:
    registered = {
        path.relative_to(DOCS_DIR).as_posix()
        for path in regenerate.expected_files()
        if path.is_relative_to(DOCS_DIR)
    }
    assert {
        f"interviews/{page}.{lang}.md" for page in ("guide", "consent") for lang in LANGUAGES
    } <= registered
    result = run_cli("regenerate", "--check")
    assert result.code == 0, result.err


def test_regenerate_check_fails_on_a_stale_page_and_regenerate_rewrites_it(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    page = tmp_path / "docs" / "interviews" / "guide.en.md"
    monkeypatch.setattr(regenerate, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(
        regenerate, "expected_files", lambda: {page: interview_files()["interviews/guide.en.md"]}
    )
    page.parent.mkdir(parents=True)
    page.write_text("edited by hand\n", encoding="utf-8")
    assert regenerate.run(argparse.Namespace(check=True)) == 1
    assert "stale: docs/interviews/guide.en.md" in capsys.readouterr().err
    assert regenerate.run(argparse.Namespace(check=False)) == 0
    assert regenerate.run(argparse.Namespace(check=True)) == 0
    assert page.read_text(encoding="utf-8") == render_guide("en")


# Site, issue form and contributor guide


def test_pages_are_in_the_navigation_with_french_titles() -> None:
    from odimpact.publication.strings import text
    from odimpact.urls import NAV

    about = dict(dict(NAV)["nav_about"])
    titles = {path: key for key, path in about.items()}
    for page in ("guide", "consent"):
        key = titles[f"interviews/{page}.md"]
        assert text(key, "fr") and text(key, "fr") != text(key, "en")
        assert all((DOCS_DIR / "interviews" / f"{page}.{lang}.md").exists() for lang in LANGUAGES)


def test_offer_interview_form_asks_no_personal_details_and_requires_consent() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = {element["id"]: element for element in form["body"] if "id" in element}
    assert {
        "case",
        "role",
        "organisation",
        "language",
        "method",
        "contact",
        "topics",
        "consent",
    } <= set(fields)
    assert not {"name", "email", "phone", "telephone"} & set(fields)
    assert all(" / " in element["attributes"]["label"] for element in fields.values())
    assert fields["language"]["attributes"]["options"] == list(LANGUAGE_OPTIONS)
    assert all(option["required"] for option in fields["consent"]["attributes"]["options"])
    notice = form["body"][0]["attributes"]["value"]
    assert (
        "do not post an email address" in notice and "n'y inscrivez ni adresse courriel" in notice
    )


def test_offer_interview_form_links_to_the_published_pages() -> None:
    notice = yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"][0]["attributes"]["value"]
    links = re.findall(r"\]\((https?://[^)]+)\)", notice)
    assert len(links) == 4
    for link in links:
        assert link.startswith(MKDOCS["site_url"]), link
        path = link.removeprefix(MKDOCS["site_url"])
        lang = "fr" if path.startswith("fr/") else "en"
        assert (DOCS_DIR / f"{path.removeprefix('fr/').strip('/')}.{lang}.md").exists(), link


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading: lowercase, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_links_to_a_real_contributing_section(lang: str) -> None:
    name, anchor = CONTRIBUTING[lang]
    headings = re.findall(r"^#{2,3} (.+)$", (REPO_ROOT / name).read_text(encoding="utf-8"), re.M)
    assert anchor in {github_anchor(heading) for heading in headings}
    assert f"{name}#{anchor})" in render_guide(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contributing_section_names_every_interview_field_and_the_pages(lang: str) -> None:
    name, _ = CONTRIBUTING[lang]
    section = (REPO_ROOT / name).read_text(encoding="utf-8").split("### ")[-1].split("\n## ")[0]
    for field in (
        "source",
        "role",
        "organisation",
        "name",
        "date",
        "interviewer",
        "language",
        "method",
        "consent",
        "publish",
        "named",
        "quotes",
        "original",
        "translation",
    ):
        assert f"`{field}`" in section, (lang, field)
    assert (
        f"docs/interviews/guide.{lang}.md" in section
        and f"docs/interviews/consent.{lang}.md" in section
    )


def test_issue_form_guide_and_contributing_use_the_case_schema_values() -> None:
    """The `interviews` field belongs to the case schema and its vocabularies: the form offers their
    labels, and the pages and the contributor guide name their values."""
    fields = case_schema()["properties"]["interviews"]["items"]["properties"]
    vocabularies = load_vocabularies()
    methods = vocabularies[fields["method"]["x-vocabulary"]]
    assert methods.ids() == fields["method"]["enum"]
    form = {
        element["id"]: element
        for element in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]
        if "id" in element
    }
    assert form["method"]["attributes"]["options"] == [
        f"{term.label['en']} / {term.label['fr']}" for term in methods.terms
    ]
    assert list(LANGUAGE_OPTIONS.values()) == fields["language"]["enum"]
    assert {"publish", "named", "date"} <= set(fields["consent"]["properties"])
    assert {"original", "translation"} == set(fields["quotes"]["items"]["properties"])
    consent_states = vocabularies[fields["consent"]["properties"]["publish"]["x-vocabulary"]].ids()
    for lang in LANGUAGES:
        guide, contributing = (
            render_guide(lang),
            (REPO_ROOT / CONTRIBUTING[lang][0]).read_text(encoding="utf-8"),
        )
        assert all(term.label[lang][1:] in guide for term in methods.terms)
        assert all(
            f"`{value}`" in contributing
            for value in (*methods.ids(), *consent_states, *fields["language"]["enum"])
        )
        assert "`given`" in guide and "given" in consent_states


def test_a_duplicate_key_in_the_question_bank_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "interview-questions.yml"
    path.write_text(QUESTION_BANK.read_text(encoding="utf-8") + "closing: []\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=rf"^{re.escape(str(path))}:\d+:1: duplicate-key .*'closing'"
    ):
        load_question_bank(path)

"""Reading the body of a "Propose a case study" issue into front-matter values for a draft case.

The text comes from anyone on the internet: nothing in it is trusted. Values reach the YAML only
through the template's quoting (ruamel's emitter), ids must be kebab-case (never a path), and raw
HTML in the story is escaped so it shows as text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from odimpact.command_line import say
from odimpact.contrib.choices import ChoiceError, check_id, check_term, check_terms
from odimpact.contrib.issue_form import FIELDS, LANGUAGE_OPTIONS, FormField
from odimpact.languages import DEFAULT
from odimpact.publication.strings import text as catalogue_text
from odimpact.reading import BIDI_CONTROL

MAX_ISSUE_CHARS = 64 * 1024
# as front matter holds it: pages show it in their language
EDITORS = catalogue_text("editors", DEFAULT)
NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
OPTION_ID = re.compile(r"(?:^|)([A-Za-z0-9-]+) — ")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # replaced by spaces
URL = re.compile(r"https?://[^\s/?#.][^\s]*\Z")


class IssueError(ValueError):
    """The issue cannot become a draft; the message is in the requested language."""


@dataclass
class Draft:
    """What the importer makes of an issue: front-matter values, body sections and warnings."""

    lang: str
    values: dict[str, Any]
    sections: dict[str, str]
    warnings: list[str] = field(default_factory=list)


def _say(code: str, lang: str, **params: object) -> str:
    return say("contrib-issue-import", code, lang, **params)


def parse_sections(body: str) -> dict[str, str | None]:
    """'### Heading' -> answer text (None for GitHub's "_No response_")."""
    parts = HEADING.split(body.replace("\r\n", "\n"))
    answers: dict[str, str | None] = {}
    for heading, text in zip(parts[1::2], parts[2::2]):
        value = text.strip()
        answers[heading.strip()] = None if value in ("", NO_RESPONSE) else value
    return answers


def one_line(text: str) -> str:
    """Untrusted text for a one-line field: no control characters, whitespace collapsed."""
    return " ".join(CONTROL.sub(" ", text).split())


def slug(title: str) -> str:
    """A kebab-case id from a title: accents dropped, at most 80 characters, cut at a hyphen."""
    ascii_text = (
        unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    )
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    while len(text) > 80:
        text = text.rsplit("-", 1)[0] if "-" in text[:81] else text[:80]
    return text


def _table(
    text: str | None,
    label: str,
    lang: str,
    keys: tuple[str, str],
    warnings: list[str],
    terms: tuple[tuple[str, str], ...] = (),
) -> list[dict[str, str]]:
    """Lines 'a | b | URL | term...' -> items; a URL that is not absolute http(s) is dropped with a
    warning; `terms` (key, vocabulary) read the cells after the URL, and a term not in its
    vocabulary is left out with a warning (the validator then asks for it)."""
    items = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        cells = [one_line(cell) for cell in line.strip().lstrip("-*").split("|")]
        if not any(cells):
            continue
        item = {key: value for key, value in zip(keys, cells[:2]) if value}
        url = cells[2] if len(cells) > 2 else ""
        if URL.match(url):
            item["url"] = url
        else:
            warnings.append(_say("bad-line", lang, label=label, line=number))
        for (key, vocabulary), cell in zip(terms, cells[3:]):
            try:
                item[key] = str(check_term(vocabulary, cell, lang))
            except ChoiceError:
                warnings.append(_say("bad-term", lang, label=label, line=number, value=cell[:40]))
        items.append(item)
    return items


def _organisations(text: str | None, lang: str, warnings: list[str]) -> list[dict[str, Any]]:
    """Lines 'name | role, role' -> organisations; roles not in the vocabulary are left out with a
    warning."""
    found = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        name, roles_text = (
            one_line(line.split("|", 1)[0].lstrip("-* ")),
            line.split("|", 1)[1] if "|" in line else "",
        )
        if not name:
            continue
        kept = []
        for role in (one_line(role) for role in roles_text.split(",") if role.strip()):
            try:
                kept.append(str(check_term("organisation-roles", role, lang)))
            except ChoiceError:
                warnings.append(
                    _say(
                        "bad-term",
                        lang,
                        label=_label("organisations", lang),
                        line=number,
                        value=role[:40],
                    )
                )
        found.append({"name": name, "roles": kept})
    return found


def _terms(
    field_: FormField, text: str | None, lang: str, low: int = 1, high: int = 99
) -> list[str | int]:
    ids = OPTION_ID.findall(text or "") or ([text.strip()] if text else [])
    return check_terms(field_.vocabulary or "", ids, lang, low, high) if ids else []


def _answers(body: str, ui: str, warnings: list[str]) -> dict[str, str | None]:
    """Answers by field id; unknown headings are reported, required ones must be there."""
    by_heading = {field_.heading: field_ for field_ in FIELDS}
    answers: dict[str, str | None] = {}
    for heading, value in parse_sections(body).items():
        if heading in by_heading:
            answers[by_heading[heading].id] = value
        else:
            warnings.append(_say("unknown-heading", ui, value=heading[:80]))
    for field_ in FIELDS:
        if field_.required and field_.kind != "checkboxes" and not answers.get(field_.id):
            raise IssueError(_say("missing", ui, label=field_.heading))
    return answers


def _case_id(answers: dict[str, str | None], title: str, ui: str) -> str:
    suggested = one_line(answers.get("case_id") or "")
    if suggested:
        return check_id(suggested, ui)
    made = slug(title)
    if len(made) < 3:
        label = next(field_.heading for field_ in FIELDS if field_.id == "case_id")
        raise IssueError(_say("no-id", ui, label=label))
    return check_id(made, ui)


def _vocabulary_values(answers: dict[str, str | None], ui: str) -> dict[str, Any]:
    fields = {field_.id: field_ for field_ in FIELDS}
    values: dict[str, Any] = {
        "jurisdiction": _terms(fields["jurisdiction"], answers["jurisdiction"], ui, 1, 1)[0],
        "sectors": _terms(fields["sectors"], answers["sectors"], ui, 1, 3),
    }
    for name in ("impact_dimensions", "reusers", "reuse_purposes"):
        values[name] = _terms(fields[name], answers.get(name), ui, 1, 99)
    for name in ("government_level", "impact_types"):
        terms = _terms(
            fields[name],
            answers.get(name),
            ui,
            0 if name == "impact_types" else 1,
            99 if name == "impact_types" else 1,
        )
        if terms:
            values[name] = terms if fields[name].multiple else terms[0]
    return values


def _label(field_id: str, lang: str) -> str:
    return next(field_.label[lang] for field_ in FIELDS if field_.id == field_id)


def read_issue(body: str, ui: str, today: str) -> Draft:
    """The draft case an issue describes, or IssueError saying what is wrong with the issue."""
    if len(body) > MAX_ISSUE_CHARS:
        raise IssueError(_say("too-long", ui, limit=MAX_ISSUE_CHARS))
    # What the validator refuses in a case file, fixed or refused here: accents composed (NFC),
    # control characters become spaces (below), bidirectional ones are named.
    body = unicodedata.normalize("NFC", body)
    hidden = BIDI_CONTROL.search(body)
    if hidden:
        raise IssueError(_say("hidden", ui, codepoint=f"U+{ord(hidden.group()):04X}"))
    warnings: list[str] = []
    answers = _answers(body, ui, warnings)
    language = one_line(answers["lang"] or "")
    if language not in LANGUAGE_OPTIONS:
        raise IssueError(_say("language", ui, value=language[:40]))
    lang = LANGUAGE_OPTIONS[language]
    title = one_line(answers["title"] or "")
    try:
        values: dict[str, Any] = {
            "id": _case_id(answers, title, ui),
            "lang": lang,
            "title": title,
            "summary": one_line(answers["summary"] or ""),
            "status": "draft",
            "translation": "awaiting",
        }
        values.update(_vocabulary_values(answers, ui))
    except ChoiceError as error:
        raise IssueError(str(error)) from None
    if answers.get("place"):
        values["place"] = one_line(answers["place"] or "")
    start = one_line(answers.get("period_start") or "")
    if re.fullmatch(r"(19|20)[0-9]{2}", start):
        values["period"] = {"start": int(start), "end": "ongoing"}
    elif start:
        warnings.append(_say("bad-year", ui, value=start[:40]))
    values["datasets"] = _table(
        answers.get("datasets"),
        _label("datasets", ui),
        ui,
        ("name", "publisher"),
        warnings,
        (("licence", "licences"),),
    )
    values["organisations"] = _organisations(answers.get("organisations"), ui, warnings)
    sources = _table(
        answers.get("sources"),
        _label("sources", ui),
        ui,
        ("title", "publisher"),
        warnings,
        (("kind", "source-kinds"), ("independence", "source-independence")),
    )
    values["sources"] = [
        {"id": f"s{number}", **item} for number, item in enumerate(sources, start=1)
    ]
    values.update(
        {
            "evidence_strength": 1,
            "published": today,
            "reviewed": today,
            "licence": "CC-BY-4.0",
            # An anonymous proposal is credited to the editors who import it (a case needs a
            # contributor).
            "contributors": [one_line(answers["contributor"] or "")]
            if answers.get("contributor")
            else [EDITORS],
        }
    )
    story = CONTROL.sub(" ", (answers.get("story") or "").replace("\t", "    "))
    # Raw HTML from an issue is shown as text, never passed to the page.
    sections = (
        {"context": story.replace("&", "&amp;").replace("<", "&lt;")} if story.strip() else {}
    )
    return Draft(lang, values, sections, warnings)

"""Rules on stakeholder interviews: which source records each one, whether the interviewee agreed
to be quoted and named, and in which language their words reach the reader.

The repository and the site are public, so consent is checked in every file whatever the case's
status: a draft's words are published the moment they are pushed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from odimpact.languages import other
from odimpact.problems import Problem
from odimpact.reading import CaseFile
from odimpact.rules.front_matter import Rule, _parse_date, _problem


def _interviews(case: CaseFile) -> list[dict[str, Any]]:
    return case.data.get("interviews", [])


def interviews_cite_an_interview_source(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """An interview's citation (title, date, address) and standpoint live in its entry of `sources`;
    pointing at no source, or at a document of another kind, would lend it another's voice."""
    sources = {source["id"]: source for source in case.data["sources"]}
    known = [key for key, source in sources.items() if source["kind"] == "interview"]
    for index, interview in enumerate(_interviews(case)):
        source = sources.get(interview["source"])
        if source is not None and source["kind"] == "interview":
            continue
        yield _problem(
            case,
            ("interviews", index, "source"),
            "interview-unknown-source",
            value=interview["source"],
            found=source["kind"] if source else "",
            known=known,
        )


def quotes_need_consent(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Quoting people without their agreement wrongs them, and the repository is public: whatever
    the
    case's status, an interview's words (its quotes, or a figure's quote from its source) need
    consent."""
    figures = case.data.get("impacts", [])
    for index, interview in enumerate(_interviews(case)):
        publish = interview["consent"]["publish"]
        if publish == "given":
            continue
        where = [f"interviews[{index}].quotes"] if interview.get("quotes") else []
        where += [
            f"impacts[{number}].quote"
            for number, figure in enumerate(figures)
            if figure["source"] == interview["source"] and "quote" in figure
        ]
        if where:
            yield _problem(
                case,
                ("interviews", index, "consent", "publish"),
                "interview-quote-without-consent",
                value=publish,
                where=", ".join(where),
            )


def names_need_consent(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A name identifies a person for good; without their agreement to be named, the role and the
    organisation say who spoke."""
    for index, interview in enumerate(_interviews(case)):
        if "name" in interview and interview["consent"].get("named") is not True:
            yield _problem(case, ("interviews", index, "name"), "interview-name-without-consent")


def consent_is_dated(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Consent is a record that may have to be shown later: its date says what it covered and
    when."""
    for index, interview in enumerate(_interviews(case)):
        consent = interview["consent"]
        if consent["publish"] == "given" and "date" not in consent:
            yield _problem(
                case, ("interviews", index, "consent", "publish"), "interview-consent-undated"
            )


def quotes_are_translated(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Each file speaks to readers of its language: a quote said in the other language needs a
    translation beside the original, which stays as said."""
    for index, interview in enumerate(_interviews(case)):
        if interview["language"] == case.lang:
            continue
        for number, quote in enumerate(interview.get("quotes", [])):
            if "translation" not in quote:
                yield _problem(
                    case,
                    ("interviews", index, "quotes", number),
                    "interview-translation-missing",
                    held=interview["language"],
                    file=case.lang,
                    other=other(case.lang),
                )


def originals_are_not_translated(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """In the interview's own language the original already reaches the reader; a translation there
    is a slip, most often one meant for the other file."""
    for index, interview in enumerate(_interviews(case)):
        if interview["language"] != case.lang:
            continue
        for number, quote in enumerate(interview.get("quotes", [])):
            if "translation" in quote:
                yield _problem(
                    case,
                    ("interviews", index, "quotes", number, "translation"),
                    "interview-translation-of-original",
                    held=interview["language"],
                    file=case.lang,
                    other=other(case.lang),
                )


def interview_dates_are_real(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Like every other date of a case: on the calendar, and not in the future (the same
    messages)."""
    for index, interview in enumerate(_interviews(case)):
        for path, text in (
            (("date",), interview["date"]),
            (("consent", "date"), interview["consent"].get("date")),
        ):
            if text is None:
                continue
            date = _parse_date(text)
            if date is None:
                yield _problem(case, ("interviews", index, *path), "date-invalid", value=text)
            elif date > today:
                yield _problem(
                    case,
                    ("interviews", index, *path),
                    "date-future",
                    value=text,
                    today=today.isoformat(),
                )


RULES: tuple[Rule, ...] = (
    interviews_cite_an_interview_source,
    quotes_need_consent,
    names_need_consent,
    consent_is_dated,
    quotes_are_translated,
    originals_are_not_translated,
    interview_dates_are_real,
)

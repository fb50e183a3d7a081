"""Rules on one file's front matter, run once the file matches the schema."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from odimpact.language_id import language_and_confidence
from odimpact.problems import Problem, Severity, field_name
from odimpact.reading import BIDI_CONTROL, CONTROL, CaseFile
from odimpact.reading import INVISIBLE as INVISIBLE_CHARACTERS
from odimpact.schema import expects_date
from odimpact.urls import RESERVED_IDS

Rule = Callable[[CaseFile, dt.date], Iterator[Problem]]
# Names Windows keeps for devices (ids have no dot, so only the bare name matters): a case folder
# called `con` or `aux` cannot exist in a checkout on Windows.
WINDOWS_DEVICE_NAMES = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    }
)
MIN_TEXT_FOR_FIELD_LANGUAGE = 40
FIELD_LANGUAGE_CONFIDENCE = 0.999
# Characters that take no room on screen, for the blank-text check (str.strip keeps some of them).
INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)

MARKUP = re.compile(r"<[a-zA-Z/!]|\*\*|__|\[[^\]]+\]\(|`")


def _problem(
    case: CaseFile, path: tuple, code: str, severity: Severity = "error", **params: Any
) -> Problem:
    position = case.document.position(path)
    return Problem(
        case.display, position.line, position.column, code, field_name(path), severity, params
    )


def yaml_surprises(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Unquoted values that YAML 1.1 tools (PyYAML, hence MkDocs) would not read as the text
    written."""
    for path, kind in case.document.surprises.items():
        if kind == "date" and expects_date(path):
            continue
        value = _get(case.data, path)
        yield _problem(case, path, "yaml-surprise", value=value, kind=kind)


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def id_matches_folder(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """The id is the case's address and citation key, so it must be the folder's name."""
    folder = case.path.parent.name
    if case.data.get("id") != folder:
        yield _problem(
            case, ("id",), "id-folder-mismatch", value=case.data.get("id"), folder=folder
        )


def id_is_not_reserved(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Some ids are the site's own list pages (cases/by-sector/...); a case there would be
    unreachable.
    Others name devices on Windows (con, aux...): a folder of that name cannot be checked out
    there."""
    if case.data["id"] in RESERVED_IDS:
        yield _problem(
            case,
            ("id",),
            "id-reserved",
            value=case.data["id"],
            reserved=", ".join(sorted(RESERVED_IDS)),
        )
    elif case.data["id"] in WINDOWS_DEVICE_NAMES:
        yield _problem(case, ("id",), "id-windows-reserved", value=case.data["id"])


def text_is_clean(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """What YAML escapes ("\\x07", "\\u202e", "e\\u0301") put in a value, which the file's own
    text does not show (reading.py checks that): control and bidirectional characters, decomposed
    text; and text of spaces, non-breaking spaces or zero-width characters, which passes a length
    check and shows as nothing."""
    if not (case.escaped or case.maybe_blank):
        return  # nothing the file's own text, already checked, does not show
    for path, value in _strings(case.data):
        if case.escaped:  # without a backslash, the values hold only what reading.py has checked
            for pattern, code in ((CONTROL, "control-character"), (BIDI_CONTROL, "bidi-control")):
                found = pattern.search(value)
                if found:
                    yield _problem(case, path, code, codepoint=f"U+{ord(found.group()):04X}")
            if not unicodedata.is_normalized("NFC", value):
                yield _problem(case, path, "not-nfc")
        # A text starting with a letter or digit is not blank: most values stop at the first test.
        if value and not value[0].isalnum() and not value.translate(INVISIBLE).strip():
            yield _problem(case, path, "text-blank")


def title_and_summary_are_in_the_file_language(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A title or summary pasted from the other language's file is a common slip, and the body's
    language check does not look at them. Short texts mislead language identification, so only
    a long enough text the model is very sure of is reported."""
    for field in ("title", "summary"):
        value = case.data.get(field)
        if isinstance(value, str) and len(value) >= MIN_TEXT_FOR_FIELD_LANGUAGE:
            found, confidence = language_and_confidence(value)
            if found != case.lang and confidence >= FIELD_LANGUAGE_CONFIDENCE:
                yield _problem(
                    case,
                    (field,),
                    "field-language-mismatch",
                    "warning",
                    expected=case.lang,
                    found=found,
                )


def _strings(data: Any) -> list[tuple[tuple, str]]:
    """Every text value with its path (a loop, not recursion: it runs on every file)."""
    found: list[tuple[tuple, str]] = []
    stack: list[tuple[tuple, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return found


def lang_matches_file_name(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """The site picks a file's language from its name; the field must agree."""
    if case.data.get("lang") != case.lang:
        yield _problem(
            case,
            ("lang",),
            "lang-filename-mismatch",
            value=case.data.get("lang"),
            expected=case.lang,
        )


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def dates_are_real_and_ordered(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Dates must exist on the calendar, not lie in the future, and reviewed cannot precede
    published."""
    parsed: dict[str, dt.date] = {}
    for name in ("published", "reviewed"):
        date = _parse_date(case.data[name])
        if date is None:
            yield _problem(case, (name,), "date-invalid", value=case.data[name])
        elif date > today:
            yield _problem(
                case, (name,), "date-future", value=case.data[name], today=today.isoformat()
            )
        else:
            parsed[name] = date
    if len(parsed) == 2 and parsed["reviewed"] < parsed["published"]:
        yield _problem(
            case,
            ("reviewed",),
            "reviewed-before-published",
            value=case.data["reviewed"],
            published=case.data["published"],
        )
    for index, source in enumerate(case.data["sources"]):
        for name in ("date", "accessed"):
            date = source.get(name)
            if date and len(date) == 10 and _parse_date(date) is None:
                yield _problem(case, ("sources", index, name), "date-invalid", value=date)
            elif date and (
                date[:4] > str(today.year) or (len(date) == 10 and date > today.isoformat())
            ):
                yield _problem(
                    case,
                    ("sources", index, name),
                    "date-future",
                    value=date,
                    today=today.isoformat(),
                )


def period_is_ordered(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A period starts before it ends, and neither end lies after the current year."""
    start, end = case.data["period"]["start"], case.data["period"]["end"]
    if start > today.year:
        yield _problem(case, ("period", "start"), "period-future", value=start, year=today.year)
    if isinstance(end, int):
        if end < start:
            yield _problem(case, ("period", "end"), "period-order", start=start, end=end)
        if end > today.year:
            yield _problem(case, ("period", "end"), "period-future", value=end, year=today.year)


def impacts_are_sourced(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A figure without a source is not evidence: every impact cites a listed source."""
    known = [source["id"] for source in case.data["sources"]]
    for index, impact in enumerate(case.data.get("impacts", [])):
        if impact["source"] not in known:
            yield _problem(
                case,
                ("impacts", index, "source"),
                "impact-unknown-source",
                value=impact["source"],
                known=", ".join(known),
            )
        if "min" in impact and "max" in impact and impact["min"] > impact["max"]:
            yield _problem(
                case, ("impacts", index, "min"), "range-order", min=impact["min"], max=impact["max"]
            )
        if "currency" in impact and "unit" in impact:
            yield _problem(
                case, ("impacts", index, "unit"), "currency-with-unit", value=impact["unit"]
            )


def source_ids_are_unique(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Citations point at a source id, so each id must name one source."""
    seen: set[str] = set()
    for index, source in enumerate(case.data["sources"]):
        if source["id"] in seen:
            yield _problem(
                case, ("sources", index, "id"), "source-duplicate-id", value=source["id"]
            )
        seen.add(source["id"])


def retired_cases_explain_why(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A retired case keeps its address; readers who land there deserve a reason."""
    if case.data["status"] == "retired" and "retired_notice" not in case.data:
        yield _problem(case, ("status",), "retired-needs-notice")


def related_is_not_self(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A case listed as related to itself adds nothing and hides a typo."""
    for index, related in enumerate(case.data.get("related", [])):
        if related == case.data["id"]:
            yield _problem(case, ("related", index), "related-self", value=related)


def summary_is_plain_text(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Summaries appear in lists, feeds and exports where markup would show raw."""
    match = MARKUP.search(case.data["summary"])
    if match:
        yield _problem(case, ("summary",), "summary-markup", "warning", value=match.group(0))


RULES: tuple[Rule, ...] = (
    id_matches_folder,
    id_is_not_reserved,
    text_is_clean,
    title_and_summary_are_in_the_file_language,
    lang_matches_file_name,
    dates_are_real_and_ordered,
    period_is_ordered,
    impacts_are_sourced,
    source_ids_are_unique,
    retired_cases_explain_why,
    related_is_not_self,
    summary_is_plain_text,
)

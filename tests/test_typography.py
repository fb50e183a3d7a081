"""Language as publications write it (issue 15): French spacing by one function, one date style and
one way of saying periods per language, sentences that end once, Canadian English spelling."""

from __future__ import annotations

import re
import string

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from odimpact.paths import REPO_ROOT
from odimpact.publication.case_sections import note_html, sources_list
from odimpact.publication.formatting import date_text, full_stop, period_text, sentence_case
from odimpact.publication.strings import STRINGS, text
from odimpact.typography import NBSP, french_spacing
from odimpact.vocabularies import load_vocabularies

# Text made of what French sentences hold, including every space a writer may type.
PUNCTUATION = ":;!?«»%$"
SPACES = " \u00a0\u202f"
french_text = st.text(
    alphabet=string.ascii_letters + string.digits + PUNCTUATION + SPACES + "éà,.()", max_size=60
)


def spacing_problems(text_: str) -> list[str]:
    """What breaks the glossary's rule in `text_` (addresses and times have no ': ' so are not
    looked
    at; nor is inline code, which is shown as written)."""
    text_ = re.sub(r"`[^`]*`", "`code`", text_)
    problems = []
    if re.search(r"[ \u00a0\u202f\t][;!?](\s|$)", text_):
        problems.append("a space before ; ! or ?")
    if re.search(r"(?<=\S)(?<!\u00a0):(\s|$)", text_) or re.search(
        r"[ \u202f\t]\u00a0?:(\s|$)", text_
    ):
        problems.append("a colon without one no-break space before it")
    if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text_):
        problems.append("« » without no-break spaces inside")
    if re.search(r"\d[ \u202f]?%", text_.replace("\u00a0%", "")):
        problems.append("a percentage without a no-break space")
    return problems


@given(french_text)
def test_french_spacing_is_idempotent(sample: str) -> None:
    once = french_spacing(sample)
    assert french_spacing(once) == once


@given(french_text)
def test_french_spacing_leaves_no_space_before_semicolon_exclamation_or_question_mark(
    sample: str,
) -> None:
    # quoted words are kept as written
    outside_quotes = re.sub(r"«[^«»]*»", "«»", french_spacing(sample))
    assert not re.search(r"[ \u00a0\u202f\t]+[;!?](\s|$)", outside_quotes)


def test_words_quoted_in_guillemets_keep_their_own_punctuation() -> None:
    """An English title quoted in a French sentence is not given French spacing; the sentence around
    it is."""
    assert (
        french_spacing("publiait « Open Data: The Way of the Future » : un rapport")
        == f"publiait «{NBSP}Open Data: The Way of the Future{NBSP}»{NBSP}: un rapport"
    )


@given(
    st.text(alphabet=string.ascii_letters + "é", min_size=1, max_size=12),
    st.sampled_from(["", " ", "\u202f", "\u00a0", "  "]),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=12),
)
def test_a_colon_after_a_word_takes_one_no_break_space(before: str, space: str, after: str) -> None:
    assert french_spacing(f"{before}{space}: {after}") == f"{before}{NBSP}: {after}"


@given(
    st.text(alphabet=string.ascii_letters + "é ", min_size=1, max_size=20).filter(
        lambda quoted: quoted.strip() == quoted
    )
)
def test_guillemets_hold_no_break_spaces_inside(quoted: str) -> None:
    for typed in (f"«{quoted}»", f"« {quoted} »", f"«\u202f{quoted}\u202f»"):
        assert french_spacing(typed) == f"«{NBSP}{quoted}{NBSP}»"


@pytest.mark.parametrize(
    ("typed", "spaced"),
    [
        ("42%", "42\u00a0%"),
        ("42 %", "42\u00a0%"),
        ("250 000 $", "250 000\u00a0$"),
        ("12,5 M$", "12,5\u00a0M$"),
        ("Pourquoi ?", "Pourquoi?"),
        ("Oui ! Non ; peut-être", "Oui! Non; peut-être"),
    ],
)
def test_percent_dollar_and_the_marks_that_take_no_space(typed: str, spaced: str) -> None:
    assert french_spacing(typed) == spaced


@pytest.mark.parametrize(
    "untouched",
    [
        "à 10:30",
        "voir https://example.org/a?b=1;c=2%20d ici",
        "voir `clé : valeur`",
        "[s1]: https://example.org/",
        "{: .odi-note }",
        '<a href="https://example.org/?q=1" title="a : b">',
        "![image](x.png)",
        '<span lang="en">Open Data: The Way</span>',
        "«\u00a0Open Data: The Way\u00a0»",
        "---\ntitle: Titre\n---\n",
        "```yaml\nclé : valeur ; x\n```",
    ],
)
def test_addresses_times_code_markup_and_other_languages_are_left_alone(untouched: str) -> None:
    assert french_spacing(untouched) == untouched


def _filled(template: str) -> str:
    """A catalogue string with each placeholder filled by a word, as a generator would."""
    return template.format_map({name: "mot" for name in re.findall(r"{(\w+)}", template)})


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_french_catalogue_string_follows_the_spacing_rule_after_lookup(key: str) -> None:
    shown = text(key, "fr", **{name: "mot" for name in re.findall(r"{(\w+)}", STRINGS[key]["fr"])})
    assert spacing_problems(shown) == [], shown


def test_the_catalogue_file_is_not_spaced_by_hand_for_the_lookup_to_work() -> None:
    """The rule is the lookup's: a French string typed with a plain space before ':' is shown with a
    no-break one."""
    raw = yaml.safe_load(
        (REPO_ROOT / "scripts/odimpact/publication/strings.yml").read_text(encoding="utf-8")
    )
    typed = [key for key, entry in raw.items() if " :" in entry["fr"]]
    assert typed, "no French string typed with a plain space: this test no longer checks the lookup"
    assert all(
        " :" not in text(key, "fr", **{n: "x" for n in re.findall(r"{(\w+)}", raw[key]["fr"])})
        for key in typed
    )


def test_french_vocabulary_texts_follow_the_spacing_rule() -> None:
    """Generated pages take their words from the catalogue (checked key by key above) and the
    vocabularies (here)."""
    shown = []
    for vocabulary in load_vocabularies().values():
        shown += [vocabulary.title["fr"], vocabulary.definition["fr"]]
        shown += [
            value
            for term in vocabulary.terms
            for value in (term.label["fr"], term.definition["fr"])
        ]
    assert [value for value in shown if spacing_problems(value)] == []


@pytest.mark.parametrize(
    ("start", "end", "lang", "shown"),
    [
        (2001, "ongoing", "en", "since 2001"),
        (2001, "ongoing", "fr", "depuis 2001"),
        (2001, 2005, "en", "2001–2005"),
        (2001, 2005, "fr", "de 2001 à 2005"),
        (2004, 2004, "fr", "2004"),
    ],
)
def test_periods_are_said_as_readers_say_them(
    start: int, end: object, lang: str, shown: str
) -> None:
    assert period_text(start, end, lang) == shown


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("2024-03-04", "en", "4 March 2024"),
        ("2024-03-04", "fr", "4 mars 2024"),
        ("2024-03-01", "fr", "1er mars 2024"),
        ("2024-03-01", "en", "1 March 2024"),
        ("2024-03", "fr", "mars 2024"),
        ("2024", "en", "2024"),
    ],
)
def test_one_date_style_per_language(value: str, lang: str, shown: str) -> None:
    assert date_text(value, lang) == shown


def test_a_sentence_ends_once_and_generated_text_after_a_full_stop_starts_with_a_capital() -> None:
    assert full_stop("<cite>A title cut short…</cite>") == "<cite>A title cut short…</cite>"
    assert (
        full_stop('<a href="x"><cite>Pourquoi?</cite></a>')
        == '<a href="x"><cite>Pourquoi?</cite></a>'
    )
    assert full_stop("Statistique Canada") == "Statistique Canada."
    assert sentence_case("mars 2024") == "Mars 2024"


class _Labels:
    """The one thing sources_list asks of the site: a vocabulary label (here the value itself)."""

    def label(self, field: str, term: object, lang: str) -> str:
        return str(term)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_source_whose_title_ends_in_an_ellipsis_ends_once_and_its_month_starts_with_a_capital(
    lang: str,
) -> None:
    meta = {
        "sources": [
            {
                "id": "s1",
                "title": "Synthetic report cut short…",
                "publisher": "Synthetic Publisher",
                "date": "2024-03",
                "kind": "report",
                "independence": "independent",
            }
        ]
    }
    shown = sources_list(_Labels(), meta, lang)  # type: ignore[arg-type]
    assert "…." not in shown and "…</cite>" in shown
    assert {"en": "Synthetic Publisher. March 2024.", "fr": "Synthetic Publisher. Mars 2024."}[
        lang
    ] in shown


def test_source_ids_in_notes_are_shown_as_the_body_shows_them() -> None:
    numbers = {"s1": 1, "s2": 2}
    shown = note_html(
        "More than 800 (s2), over 900 [s1], according to s1; s9 is not a source.", numbers
    )
    assert "(s2)" not in shown and "[s1]" not in shown and "according to s1" not in shown
    assert shown.count('class="odi-cite"') == 3 and ">[2]</a>" in shown and ">[1]</a>" in shown
    assert "s9 is not a source" in shown


# British spellings a Canadian publication writes with -ize/-yze (The Canadian Style); field names
# such as
# `organisations` are identifiers, not prose, and are not English strings.
BRITISH = re.compile(
    r"(?<![\w-])(organis(e|ed|es|ing|ation|ations)|recognis(e|ed|es|ing)|analys(e|ed|ing)|summaris(e|ed|es|ing)|"
    r"prioritis(e|ed|es|ing)|categoris(e|ed|es|ing)|utilis(e|ed|es|ing|ation)|mobilis(e|ed|ation)|"
    r"customis(e|ed|ation)|standardis(e|ed|ation))(?![\w-])",
    re.IGNORECASE,
)


def test_english_strings_use_canadian_spelling() -> None:
    shown = [entry["en"] for entry in STRINGS.values()]
    for vocabulary in load_vocabularies().values():
        shown += [vocabulary.title["en"], vocabulary.definition["en"]]
        shown += [
            value
            for term in vocabulary.terms
            for value in (term.label["en"], term.definition["en"])
        ]
    assert [value for value in shown if BRITISH.search(value)] == []


def test_english_hand_written_pages_use_canadian_spelling() -> None:
    found = []
    for page in sorted((REPO_ROOT / "docs").rglob("*.en.md")):
        prose = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        prose = re.sub(r"`[^`]*`|\(#[^)]*\)|\([^)]*\.yml\)|\{#[^}]*\}", "", prose)
        found += [f"{page.name}: {match.group(0)}" for match in BRITISH.finditer(prose)]
    assert found == []

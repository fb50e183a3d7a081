"""The strict loader: values stay text, YAML 1.1 surprises are flagged, dangerous features
refused."""

from __future__ import annotations

import pytest

from odimpact.problems import render
from odimpact.strict_yaml import YamlError, load

YAML_11_BOOLEANS = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
]


@pytest.mark.parametrize("word", YAML_11_BOOLEANS)
def test_each_yaml_11_boolean_stays_text_and_is_flagged(word: str) -> None:
    document = load(f"a: {word}\n")
    assert document.data == {"a": word}
    assert document.surprises == {("a",): "boolean"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("-7", -7),
        ("1.5", 1.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("'1'", "1"),
        ('"yes"', "yes"),
        ("text", "text"),
    ],
)
def test_plain_yaml_12_scalars(text: str, value: object) -> None:
    assert load(f"a: {text}\n").data == {"a": value}
    assert load(f"a: {text}\n").surprises == {}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("0123", "octal"),
        ("0x1F", "base"),
        ("1:20", "sexagesimal"),
        ("1e3", "exponent"),
        ("1_000", "underscore-number"),
        (".inf", "special-float"),
        ("2024-01-05", "date"),
    ],
)
def test_other_surprises(text: str, kind: str) -> None:
    document = load(f"a: {text}\n")
    assert document.data == {"a": text} and document.surprises == {("a",): kind}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\na: 2\n", "duplicate-key"),
        ("a: &x 1\n", "alias"),
        ("a: !!int 1\n", "tag"),
        ("? [a]\n: 1\n", "complex-key"),
        ("a: [1\n", "yaml-syntax"),
    ],
)
def test_refused(text: str, code: str) -> None:
    with pytest.raises(YamlError) as error:
        load(text)
    assert error.value.code == code


def test_positions_are_one_based_and_offset() -> None:
    document = load("a: 1\nb:\n  - x\n  - y\n", first_line=2)
    assert (document.positions[("b", 1)].line, document.positions[("b", 1)].column) == (5, 5)
    assert document.key_positions[("b",)].line == 3


@pytest.mark.parametrize(
    "text",
    [
        "title: Open data: a story\n",  # a colon in a value without quotes
        "sectors: [health, transport\n",  # a list not closed
        'title: "An unclosed quote\n',  # a quotation mark not closed
        "title: x\n\tsummary: y\n",  # a tab for indentation
        "- health\ntitle: x\n",  # a list where the fields should start
        'title: "An escape \\q"\n',  # an escape YAML does not know
        "title: x\nsummary\n",  # a key without its colon
        "sectors:\n  - health\n - transport\n",  # indentation that does not line up
    ],
)
def test_the_parsers_explanations_of_common_slips_are_in_french(text: str) -> None:
    with pytest.raises(YamlError) as error:
        load(text)
    assert error.value.code == "yaml-syntax"
    # the parser's own words: the message says them in French
    problem = error.value.params["problem"]
    assert problem and problem not in render("yaml-syntax", "fr", error.value.params), problem
    assert problem in render("yaml-syntax", "en", error.value.params)

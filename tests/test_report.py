"""`odimpact report`: the evidence counts and the unverified figures, from a known corpus."""

from __future__ import annotations

import contextlib
import io
import json

from odimpact import cli
from odimpact.paths import REPO_ROOT

EXAMPLES = REPO_ROOT / "tests" / "fixtures" / "valid"


def _report(*options: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["report", "--cases-dir", str(EXAMPLES), *options]) == 0
    return out.getvalue()


def test_json_counts_the_published_cases_evidence() -> None:
    evidence = json.loads(_report("--format", "json"))["evidence"]
    # One published example: a use (quoted), an output (no quote), an outcome with a baseline
    # (quoted).
    assert evidence["cases"] == 1
    assert evidence["figures_by_kind"] == {"output": 1, "use": 1, "outcome": 1, "impact": 0}
    assert evidence["cases_by_level"] == {"1": 1, "2": 0, "3": 0, "4": 0, "5": 0}
    assert evidence["sources_by_independence"] == {
        "data-publisher": 1,
        "reuser": 0,
        "independent": 1,
    }
    assert evidence["cases_with_measured_change"] == 1 and evidence["changes_without_baseline"] == 0
    assert evidence["unverified_figures"] == [
        {"case": "synthetic-bus-data", "figure": 2, "measure": "Cost of publishing the data"}
    ]


def test_human_report_lists_unverified_figures_in_french() -> None:
    text = _report("--lang", "fr")
    assert "Chiffres non vérifiés (aucune citation de la source qui les contient)\u00a0: 1" in text
    assert "  synthetic-bus-data\u00a0: chiffre 2, Coût de la publication des données" in text
    assert "Extrant\u00a0: 1, Utilisation\u00a0: 1, Effet\u00a0: 1, Incidence\u00a0: 0" in text

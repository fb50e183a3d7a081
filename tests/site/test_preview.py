"""`odimpact serve`'s session: drafts get flagged pages in the preview, a change regenerates only
the
languages it touches, the problems of changed cases reach the log, and the other language's pages
are copied into the served site."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from odimpact.builder import serve
from odimpact.builder.build import CONFIG
from odimpact.builder.language import site_context
from odimpact.builder.project import TREE
from odimpact.builder.serve import ServeSession, affected_languages
from odimpact.languages import LANGUAGES
from odimpact.paths import REPO_ROOT
from odimpact.publication.trees import MARKER_FILE, language_tree

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"


def _corpus(cases: Path) -> None:
    shutil.copytree(FIXTURE, cases / "synthetic-bus-data")
    shutil.copytree(FIXTURE, cases / "synthetic-draft")
    for path in (cases / "synthetic-draft").glob("index.*.md"):
        text = path.read_text(encoding="utf-8").replace(
            "id: synthetic-bus-data", "id: synthetic-draft"
        )
        path.write_text(text.replace("status: published", "status: draft"), encoding="utf-8")


@pytest.mark.slow
def test_the_preview_shows_drafts_and_reports_problems_of_changed_cases(tmp_path: Path) -> None:
    cases, work, served = tmp_path / "cases", tmp_path / "work", tmp_path / "served"
    _corpus(cases)
    session = ServeSession(CONFIG, cases, work)
    lines = session.regenerate()
    assert any(
        "synthetic-draft (draft): /cases/synthetic-draft/ and /fr/cases/synthetic-draft/" in line
        for line in lines
    )
    draft = (work / "en" / "docs" / "cases" / "synthetic-draft" / "index.md").read_text(
        encoding="utf-8"
    )
    assert "Draft: not published" in draft
    assert (work / "fr" / "site" / "fr" / "cases" / "synthetic-draft" / "index.html").is_file()
    session.add_other_languages(served)
    assert "Ébauche" in (served / "fr" / "cases" / "synthetic-draft" / "index.html").read_text(
        encoding="utf-8"
    )
    assert (served / "fr" / "404.html").is_file()

    english = cases / "synthetic-bus-data" / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("reusers: [business]", "reusers: [busines]"),
        encoding="utf-8",
    )
    lines = session.regenerate()
    assert any("[schema-vocabulary]" in line and "index.en.md" in line for line in lines)
    assert any(line.startswith("odimpact: en: ") for line in lines)
    # French pages do not read the English file
    assert not any(line.startswith("odimpact: fr: ") for line in lines)
    page = work / "en" / "docs" / "cases" / "synthetic-bus-data" / "index.md"
    # the page says what the pull-request check will, as validate prints it
    shown = page.read_text(encoding="utf-8")
    assert "odimpact validate finds 1 problem(s) in this case" in shown
    assert (
        "cases/synthetic-bus-data/index.en.md:15:11: error: reusers[0]: "
        "&#x27;busines&#x27; is not a valid"
    ) in shown
    french = work / "fr" / "docs" / "fr" / "cases" / "synthetic-bus-data" / "index.md"
    # the French file has no problem
    assert "odi-problems" not in french.read_text(encoding="utf-8")

    english.write_text(
        english.read_text(encoding="utf-8").replace("reusers: [busines]", "reusers: [business]"),
        encoding="utf-8",
    )
    lines = session.regenerate()
    assert "odi-problems" not in page.read_text(encoding="utf-8")
    assert any("0 error(s), 0 warning(s) in the changed cases" in line for line in lines)


def test_a_change_touches_its_language_and_those_showing_it(tmp_path: Path) -> None:
    cases, docs = tmp_path / "cases", tmp_path / "docs"
    (cases / "synthetic-a").mkdir(parents=True)
    (cases / "synthetic-b").mkdir()
    docs.mkdir()
    for path in (
        cases / "synthetic-a" / "index.en.md",
        cases / "synthetic-a" / "index.fr.md",
        cases / "synthetic-b" / "index.en.md",
        docs / "index.en.md",
        docs / "index.fr.md",
    ):
        path.write_text("synthetic", encoding="utf-8")
    assert affected_languages({cases / "synthetic-a" / "index.en.md"}, cases, docs) == {"en"}
    # awaiting translation
    assert affected_languages({cases / "synthetic-b" / "index.en.md"}, cases, docs) == {"en", "fr"}
    assert affected_languages({docs / "index.fr.md"}, cases, docs) == {"fr"}
    assert affected_languages({cases / "synthetic-a" / "chart.png"}, cases, docs) == {"en", "fr"}
    assert affected_languages({tmp_path / "mkdocs.yml"}, cases, docs) == {"en", "fr"}


def _tree_on_disk(tree: Path) -> dict[str, bytes]:
    return {
        path.relative_to(tree).as_posix(): path.read_bytes()
        for path in tree.rglob("*")
        if path.is_file() and path.name != MARKER_FILE
    }


def _generated_afresh(session: ServeSession, cases: Path, lang: str) -> dict[str, bytes]:
    ctx = site_context(CONFIG, cases, LANGUAGES, preview=True)
    ctx.problems = session.problems
    files = language_tree(ctx, lang, CONFIG.parent / "docs", ctx.site_url)
    return {
        path: content.read_bytes()
        if isinstance(content, Path)
        else content.encode("utf-8")
        if isinstance(content, str)
        else content
        for path, content in files.items()
    }


@pytest.mark.slow
def test_a_body_change_rewrites_its_page_and_the_tree_is_what_a_full_generation_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases, work = tmp_path / "cases", tmp_path / "work"
    _corpus(cases)
    session = ServeSession(CONFIG, cases, work)
    session.regenerate()
    tree = work / "en" / TREE
    generated: list[str] = []
    full_generation = serve.generate

    def generate(config: Path, lang: str, *args: Any, **kwargs: Any) -> Any:
        generated.append(lang)
        return full_generation(config, lang, *args, **kwargs)

    monkeypatch.setattr(serve, "generate", generate)
    english = cases / "synthetic-bus-data" / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8") + "\nSynthetic words added to the body.\n",
        encoding="utf-8",
    )
    lines = session.regenerate()
    # the case page alone
    assert "odimpact: en: 1 files written, 0 removed" in " ".join(lines) and generated == []
    assert "Synthetic words added to the body." in (
        tree / "cases" / "synthetic-bus-data" / "index.md"
    ).read_text(encoding="utf-8")
    assert _tree_on_disk(tree) == _generated_afresh(session, cases, "en")

    # A front matter change reaches lists, exports and feeds: the whole tree is generated again.
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            "reusers: [business]", "reusers: [business, researchers]"
        ),
        encoding="utf-8",
    )
    lines = session.regenerate()
    written = next(line for line in lines if line.startswith("odimpact: en: "))
    assert int(written.split()[2]) > 1 and generated == ["en"]
    assert _tree_on_disk(tree) == _generated_afresh(session, cases, "en")

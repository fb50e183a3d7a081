"""The two language processes of `odimpact build` each write only their own language's generated
pages, wait for each other's, and a failing one stops the other instead of leaving it waiting."""
from __future__ import annotations

import gzip
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from odimpact.site import hooks
from odimpact.site.build import _wait_all, build_isolated
from odimpact.corpus import load_corpus
from odimpact.site import generate
from odimpact.site.generate import remove_empty_folders, write_pages
from odimpact.site.pages import Page
from tests.site.synthetic import synthetic_corpus


def test_one_language_keeps_the_other_languages_files(tmp_path: Path) -> None:
    write_pages([Page("cases/synthetic-a/", lang, {}, "A") for lang in ("en", "fr")]
                + [Page("cases/synthetic-old/", lang, {}, "Old") for lang in ("en", "fr")], tmp_path)
    written, removed = write_pages([Page("cases/synthetic-a/", "fr", {}, "A2")], tmp_path, ("fr",))
    left = sorted(str(path.relative_to(tmp_path)) for path in (tmp_path / "cases").rglob("*.md"))
    assert (written, removed) == (1, 1)
    assert left == ["cases/synthetic-a/index.en.md", "cases/synthetic-a/index.fr.md", "cases/synthetic-old/index.en.md"]


def test_every_language_removes_stray_files_and_empty_folders(tmp_path: Path) -> None:
    write_pages([Page("cases/synthetic-old/", "en", {}, "Old")], tmp_path)
    (tmp_path / "cases" / "synthetic-old" / "stray.md").write_text("Stray\n", encoding="utf-8")
    assert write_pages([Page("cases/synthetic-a/", "en", {}, "A")], tmp_path) == (1, 2)
    remove_empty_folders(tmp_path / "cases")
    assert not (tmp_path / "cases" / "synthetic-old").exists()


def test_barrier_waits_for_every_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hooks, "BARRIER_TIMEOUT_S", 0.2)
    with pytest.raises(RuntimeError, match="not written within"):
        hooks.wait_for_other_languages(tmp_path, "en")
    (tmp_path / "fr.written").touch()
    hooks.wait_for_other_languages(tmp_path, "en")  # both written: returns at once


def test_own_languages_needs_the_barrier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(hooks.LANGUAGE_ENV, "fr")
    monkeypatch.delenv(hooks.BARRIER_ENV, raising=False)
    assert hooks.own_languages() == ("en", "fr")  # run alone (mkdocs serve, a test): it writes both
    monkeypatch.setenv(hooks.BARRIER_ENV, "/nonexistent-synthetic-barrier")
    assert hooks.own_languages() == ("fr",)


def test_a_failing_language_stops_the_wait_for_the_other() -> None:
    waiting = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    failing = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    try:
        start = time.monotonic()
        finished = _wait_all({"en": waiting, "fr": failing})
        assert time.monotonic() - start < 30
        assert finished["fr"][0] == 3 and "en" not in finished
    finally:
        waiting.kill()
        waiting.wait()


SYNTHETIC_PNG = b"\x89PNG\r\n\x1a\n synthetic test image bytes"


def _tree(site: Path) -> dict[str, bytes]:
    """Every output file's bytes; the sitemaps as their sorted entries (the merge appends the
    French build's entries, so only their order differs)."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name == "sitemap.xml.gz":
            data = gzip.decompress(data)
        if path.name.startswith("sitemap.xml"):
            data = b"\n".join(sorted(re.findall(rb"<url>.*?</url>", data, re.DOTALL)))
        files[str(path.relative_to(site))] = data
    return files


@pytest.mark.slow
def test_parallel_build_writes_what_one_plain_mkdocs_build_writes(tmp_path: Path) -> None:
    """Every shortcut of the two-process build (pages split by language, partial loading, shared
    navigation, one Markdown instance) must leave the site exactly as one `mkdocs build` of both
    languages makes it the stock way."""
    synthetic_corpus(tmp_path / "cases")
    folder = tmp_path / "cases" / "synthetic-bus-data"
    (folder / "synthetic-chart.png").write_bytes(SYNTHETIC_PNG)
    for lang in ("en", "fr"):  # a footnote: state a reused Markdown instance must not carry to the next page
        with (folder / f"index.{lang}.md").open("a", encoding="utf-8") as case:
            case.write("\nSynthetic footnote reference[^1].\n\n![Synthetic chart](synthetic-chart.png)\n\n[^1]: Synthetic footnote.\n")
    build_isolated(tmp_path / "cases", tmp_path / "parallel", tmp_path / "work", search=False)
    config = tmp_path / "work" / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["extra"]["odimpact"]["shortcuts"] = False
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (hooks.LANGUAGE_ENV, hooks.BARRIER_ENV)}
    env[hooks.CASES_ENV] = str(tmp_path / "cases")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
                    "-d", str(tmp_path / "plain")], env=env, check=True)
    parallel, plain = _tree(tmp_path / "parallel"), _tree(tmp_path / "plain")
    # The findings report's PDFs are printed after MkDocs, by odimpact build only.
    assert {name for name in parallel if name.endswith(".pdf")} == {"data/findings.pdf", "fr/data/findings.pdf"}
    parallel = {name: content for name, content in parallel.items() if not name.endswith(".pdf")}
    assert sorted(parallel) == sorted(plain)
    assert [name for name in plain if parallel[name] != plain[name]] == []
    # The case's image is published once, beside the English page; static-i18n points the French page at it.
    assert parallel["cases/synthetic-bus-data/synthetic-chart.png"] == SYNTHETIC_PNG
    assert b'<img alt="Synthetic chart" src="synthetic-chart.png"' in parallel["cases/synthetic-bus-data/index.html"]
    assert b'src="../../../cases/synthetic-bus-data/synthetic-chart.png"' in parallel["fr/cases/synthetic-bus-data/index.html"]


def test_removing_empty_folders_tolerates_the_other_process_removing_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both language processes remove the empty folders at once: a folder seen by one may be gone
    when it tries to remove it (this failed a build once)."""
    (tmp_path / "cases" / "synthetic-old" / "page").mkdir(parents=True)
    (tmp_path / "cases" / "synthetic-kept").mkdir()
    (tmp_path / "cases" / "synthetic-kept" / "index.en.md").write_text("Kept\n", encoding="utf-8")
    seen = list(os.walk(tmp_path / "cases", topdown=False))
    shutil.rmtree(tmp_path / "cases" / "synthetic-old")  # the other process was quicker
    monkeypatch.setattr(generate.os, "walk", lambda *args, **kwargs: iter(seen))
    remove_empty_folders(tmp_path / "cases")
    assert sorted(p.name for p in (tmp_path / "cases").iterdir()) == ["synthetic-kept"]


def test_a_language_process_reads_its_own_files_and_the_untranslated_ones(tmp_path: Path) -> None:
    synthetic_corpus(tmp_path / "cases")
    cases = load_corpus(tmp_path / "cases", tmp_path, languages=("fr",)).by_id()
    assert list(cases["synthetic-bus-data"].files) == ["fr"]
    assert list(cases["synthetic-english-only"].files) == ["en"]  # shown in English on the French site
    assert cases["synthetic-english-only"].awaiting_translation("fr")
    assert cases["synthetic-retired-case"].status == "retired"
    assert list(load_corpus(tmp_path / "cases", tmp_path).by_id()["synthetic-bus-data"].files) == ["en", "fr"]


def test_images_are_written_beside_their_pages_and_removed_with_them(tmp_path: Path) -> None:
    source = tmp_path / "synthetic-chart.png"
    source.write_bytes(SYNTHETIC_PNG)
    page = Page("cases/synthetic-a/", "fr", {}, "A")
    assert write_pages([page], tmp_path / "docs", ("fr",), {"cases/synthetic-a/synthetic-chart.png": source}) == (2, 0)
    assert (tmp_path / "docs" / "cases" / "synthetic-a" / "synthetic-chart.png").read_bytes() == SYNTHETIC_PNG
    assert write_pages([page], tmp_path / "docs", ("fr",), {"cases/synthetic-a/synthetic-chart.png": source}) == (0, 0)
    assert write_pages([page], tmp_path / "docs", ("fr",), {}) == (0, 1)  # the case no longer has it
    assert not (tmp_path / "docs" / "cases" / "synthetic-a" / "synthetic-chart.png").exists()


def _write_at_once(docs_dir: str, lang: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    write_pages([Page("cases/synthetic-a/", lang, {}, "A")], Path(docs_dir), (lang,))


def test_both_processes_create_the_generated_folder_at_once(tmp_path: Path) -> None:
    """Each language process writes its pages at the same moment; the one that finds the folder
    just made by the other must not take it for a folder someone else made (this failed a build)."""
    context = multiprocessing.get_context("fork")
    for round_ in range(300):
        docs = tmp_path / f"docs-{round_}"
        docs.mkdir()
        start = context.Barrier(2)
        writers = [context.Process(target=_write_at_once, args=(str(docs), lang, start)) for lang in ("en", "fr")]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(30)
        assert [writer.exitcode for writer in writers] == [0, 0], f"round {round_}"
        assert sorted(p.name for p in (docs / "cases" / "synthetic-a").iterdir()) == ["index.en.md", "index.fr.md"]


def test_a_folder_not_made_by_odimpact_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "notes.md").write_text("Someone's own page\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="not generated by odimpact"):
        write_pages([Page("cases/synthetic-a/", "en", {}, "A")], tmp_path)
    assert (tmp_path / "cases" / "notes.md").read_text(encoding="utf-8") == "Someone's own page\n"

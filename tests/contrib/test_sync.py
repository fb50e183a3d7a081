"""`odimpact sync`: facts copied across, everything else kept byte for byte, atomic and
idempotent."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odimpact.contrib import atomic
from odimpact.paths import REPO_ROOT
from odimpact.reading import read_case_file
from odimpact.rules.pairs import neutral_facts_agree

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"
NBSP = "\u00a0"
# Text YAML reads the same without quotes, non-breaking spaces included (even trailing ones).
PLAIN_SAFE = re.compile("[a-zA-Zéèàç][a-zA-Zéèàç ?!.,\u00a0-]*")
TEXT = st.text(st.sampled_from(list("abcdeéèàç XYZ:#'\"?!«»,.-") + [NBSP]), min_size=2, max_size=30)
COMMENT = st.text(st.sampled_from(list("abc éàç:#-'\"?") + [NBSP]), max_size=30).map(
    lambda s: s.strip()
)
SECTORS = st.lists(
    st.sampled_from(["transport", "health", "energy", "housing", "labour"]),
    min_size=1,
    max_size=3,
    unique=True,
)


def quoted(text: str, style: str) -> str:
    """A YAML scalar for `text` in the given quoting style (plain only where YAML allows it)."""
    if (
        style == "double"
        or (style == "plain" and not PLAIN_SAFE.fullmatch(text))
        or text != text.strip(" ")
    ):
        return json.dumps(text, ensure_ascii=False)
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return text


@st.composite
def case_text(draw, lang: str, sectors: list[str], url: str, start: int) -> str:
    """A synthetic case file with comments, mixed quoting, non-breaking spaces and a free body."""
    style = lambda: draw(st.sampled_from(["plain", "single", "double"]))  # noqa: E731
    comment = lambda: f"# {draw(COMMENT)}".rstrip()  # noqa: E731
    title = draw(TEXT) + draw(st.sampled_from(["", NBSP, f"Pourquoi{NBSP}?", f"Pourquoi ?{NBSP}"]))
    flow = draw(st.booleans())
    sector_text = (
        (" [" + ", ".join(sectors) + "]") if flow else "".join(f"\n  - {s}" for s in sectors)
    )
    lines = [
        "---",
        comment(),
        "id: synthetic-case",
        f"lang: {lang}",
        comment(),
        f"title: {quoted(title, style())}",
        f"summary: {quoted(draw(TEXT) * 3, style())}  {comment()}",
        "status: draft",
        f"sectors:{sector_text}",
        comment(),
        "period:",
        f"  start: {start}",
        "  end: ongoing",
        "datasets:",
        f"  - name: {quoted(draw(TEXT), style())}",
        f"    url: {url}",
        "    licence: unknown",
        comment(),
        "---",
    ]
    body = draw(st.text(st.sampled_from(list("ab é\n#-[]") + [NBSP]), max_size=200))
    return "\n".join(lines) + "\n" + body + draw(st.sampled_from(["", "\n", f"{NBSP}\n"]))


def write_pair(folder: Path, english: str, french: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.en.md").write_text(english, encoding="utf-8")
    (folder / "index.fr.md").write_text(french, encoding="utf-8")


def sync(run_cli, cases_dir: Path, *extra: str):
    return run_cli(
        "sync",
        "synthetic-case",
        "--from",
        "en",
        "--cases-dir",
        str(cases_dir),
        "--lang",
        "en",
        *extra,
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.data(),
    sectors=SECTORS,
    url=st.sampled_from(["https://example.org/a", "https://example.org/b?x=1"]),
)
def test_a_pair_in_sync_is_left_byte_identical(tmp_path, run_cli, data, sectors, url):
    cases_dir = tmp_path / "cases-same"
    shutil.rmtree(cases_dir, ignore_errors=True)
    english, french = (
        data.draw(case_text("en", sectors, url, 2015)),
        data.draw(case_text("fr", sectors, url, 2015)),
    )
    write_pair(cases_dir / "synthetic-case", english, french)
    result = sync(run_cli, cases_dir)
    assert (result.code, result.out) == (0, "synthetic-case: already in sync.\n")
    assert (cases_dir / "synthetic-case" / "index.en.md").read_text(encoding="utf-8") == english
    assert (cases_dir / "synthetic-case" / "index.fr.md").read_text(encoding="utf-8") == french


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), old=SECTORS, new=SECTORS, start=st.integers(1990, 2020))
def test_changed_facts_are_copied_and_everything_else_is_kept(
    tmp_path, run_cli, data, old, new, start
):
    cases_dir = tmp_path / "cases-changed"
    shutil.rmtree(cases_dir, ignore_errors=True)
    english = data.draw(case_text("en", new, "https://example.org/new", start))
    french = data.draw(case_text("fr", old, "https://example.org/old", 2015))
    folder = cases_dir / "synthetic-case"
    write_pair(folder, english, french)
    assert sync(run_cli, cases_dir, "--check").code == 1
    assert sync(run_cli, cases_dir).code == 0
    synced = (folder / "index.fr.md").read_text(encoding="utf-8")
    files = {lang: read_case_file(folder / f"index.{lang}.md", lang, lang) for lang in ("en", "fr")}
    assert list(neutral_facts_agree(files, "x")) == []
    # unchanged source, for comparison below
    original = read_case_file(folder / "index.en.md", "en", "en")
    assert files["fr"].body == french.split("\n---\n", 1)[1] and original.data == files["en"].data
    kept = [
        line
        for line in french.splitlines()
        if line.lstrip().startswith("#") or line.startswith(("title:", "summary:"))
    ]
    assert all(line in synced.splitlines() for line in kept)
    second = sync(run_cli, cases_dir)
    assert (second.code, second.out) == (0, "synthetic-case: already in sync.\n")
    assert (folder / "index.fr.md").read_text(encoding="utf-8") == synced


def test_fixture_sync_reports_each_changed_field(tmp_path, run_cli):
    folder = tmp_path / "cases" / "synthetic-case"
    shutil.copytree(FIXTURE, folder)
    for lang in ("en", "fr"):
        path = folder / f"index.{lang}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("synthetic-bus-data", "synthetic-case"),
            encoding="utf-8",
        )
    english = folder / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8")
        .replace("evidence_strength: 1", "evidence_strength: 2")
        .replace("value: 20000", "value: 25000"),
        encoding="utf-8",
    )
    result = sync(run_cli, tmp_path / "cases", "--check")
    assert (result.code, result.out) == (
        1,
        "cases/synthetic-case/index.fr.md: would update evidence_strength, impacts[1].value\n",
    )
    result = run_cli("sync", str(folder), "--from", "en", "--lang", "fr")
    expected = (
        "cases/synthetic-case/index.fr.md\u00a0: mis à jour\u00a0: evidence_strength, "
        "impacts[1].value\n"
    )
    assert (result.code, result.out) == (0, expected)


def test_a_descriptive_title_is_written_in_each_language_and_left_alone(tmp_path, run_cli):
    """A source's title is the document's own, the same in both files, unless it is our
    description of an untitled document (descriptive_title): then each file words it in its own
    language, the pair rule accepts the difference and sync keeps it; any other title still must
    match."""
    folder = tmp_path / "cases" / "synthetic-case"
    shutil.copytree(FIXTURE, folder)
    described = {
        "en": "[Synthetic description of an untitled page]",
        "fr": "[Description synthétique d'une page sans titre]",
    }
    for lang in ("en", "fr"):
        path = folder / f"index.{lang}.md"
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace("synthetic-bus-data", "synthetic-case")
            .replace(
                '    title: "Synthetic source one"\n',
                f'    title: "{described[lang]}"\n    descriptive_title: true\n',
            ),
            encoding="utf-8",
        )
    files = {lang: read_case_file(folder / f"index.{lang}.md", lang, lang) for lang in ("en", "fr")}
    assert list(neutral_facts_agree(files, "x")) == []
    french = (folder / "index.fr.md").read_text(encoding="utf-8")
    result = sync(run_cli, tmp_path / "cases")
    assert (result.code, result.out) == (0, "synthetic-case: already in sync.\n")
    assert (folder / "index.fr.md").read_text(encoding="utf-8") == french
    # The document's own title, without the flag, must still match.
    english = folder / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Synthetic source two", "Another title"),
        encoding="utf-8",
    )
    files = {lang: read_case_file(folder / f"index.{lang}.md", lang, lang) for lang in ("en", "fr")}
    assert {p.code for p in neutral_facts_agree(files, "x")} == {"neutral-mismatch"}
    assert sync(run_cli, tmp_path / "cases").code == 0
    assert "Another title" in (folder / "index.fr.md").read_text(encoding="utf-8")
    assert described["fr"] in (folder / "index.fr.md").read_text(encoding="utf-8")


def test_lists_of_different_lengths_are_refused(tmp_path, run_cli):
    folder = tmp_path / "cases" / "synthetic-case"
    shutil.copytree(FIXTURE, folder)
    french = folder / "index.fr.md"
    before = french.read_text(encoding="utf-8").replace("synthetic-bus-data", "synthetic-case")
    french.write_text(
        before.replace("  - name: Trajets Exemple inc.\n    roles: [re-user]\n", ""),
        encoding="utf-8",
    )
    result = run_cli("sync", str(folder), "--from", "en", "--lang", "en")
    assert result.code == 1
    assert result.err == (
        "cases/synthetic-case: organisations: the English file lists 2 item(s), the French file 1. "
        "Make both lists hold the same items in the same order, then run sync again.\n"
    )


def test_missing_other_language_is_explained(tmp_path, run_cli):
    folder = tmp_path / "cases" / "synthetic-case"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURE / "index.en.md", folder / "index.en.md")
    result = run_cli("sync", str(folder), "--from", "en", "--lang", "en")
    assert (result.code, result.err) == (
        1,
        "odimpact sync: cases/synthetic-case/index.fr.md does not exist: "
        "there is nothing to copy the facts to yet.\n",
    )


def test_an_exception_mid_write_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "index.en.md"
    path.write_text("original\n", encoding="utf-8")

    def fail(descriptor: int) -> None:
        raise OSError(5, "simulated disk failure")

    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(OSError):
        atomic.write_atomic(path, "new text\n" * 1000)
    assert path.read_text(encoding="utf-8") == "original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.en.md"]


def test_sync_reports_a_failed_write_and_leaves_the_file(tmp_path, run_cli, monkeypatch):
    folder = tmp_path / "cases" / "synthetic-case"
    shutil.copytree(FIXTURE, folder)
    english = folder / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("evidence_strength: 1", "evidence_strength: 2"),
        encoding="utf-8",
    )
    before = (folder / "index.fr.md").read_bytes()
    monkeypatch.setattr(
        atomic.os,
        "replace",
        lambda *args: (_ for _ in ()).throw(OSError(28, "No space left on device")),
    )
    result = run_cli("sync", str(folder), "--from", "en", "--lang", "en")
    assert (result.code, result.err) == (
        1,
        "odimpact sync: could not write cases/synthetic-case/index.fr.md "
        "(No space left on device); that file is unchanged.\n",
    )
    assert (folder / "index.fr.md").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["index.en.md", "index.fr.md"]


def test_kill_9_during_a_write_leaves_the_original_intact(tmp_path):
    path = tmp_path / "index.fr.md"
    path.write_text("original\n", encoding="utf-8")
    script = (
        "import os, sys, time\nfrom pathlib import Path\nfrom odimpact.contrib import atomic\n"
        "def stall(fd):\n    print('writing', flush=True); time.sleep(30)\n"
        "atomic.os.fsync = stall\natomic.write_atomic(Path(sys.argv[1]), 'new\\n' * 100000)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline() == "writing\n"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert path.read_text(encoding="utf-8") == "original\n"


def test_french_non_breaking_spaces_and_comments_survive_a_sync(tmp_path, run_cli):
    folder = tmp_path / "cases" / "synthetic-case"
    shutil.copytree(FIXTURE, folder)
    for lang in ("en", "fr"):
        path = folder / f"index.{lang}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("synthetic-bus-data", "synthetic-case"),
            encoding="utf-8",
        )
    french = folder / "index.fr.md"
    text = french.read_text(encoding="utf-8").replace(
        'title: "Exemple synthétique : une ville fictive ouvre ses données d\'autobus"',
        (
            f"title: Exemple synthétique, pourquoi{NBSP}?{NBSP}  # commentaire{NBSP}!\n# Une "
            f"ligne de commentaire"
        ),
    )
    french.write_text(text, encoding="utf-8")
    english = folder / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            "reusers: [business]", "reusers: [business, media]"
        ),
        encoding="utf-8",
    )
    result = run_cli("sync", str(folder), "--from", "en", "--lang", "en")
    assert (result.code, result.out) == (0, "cases/synthetic-case/index.fr.md: updated reusers\n")
    assert french.read_text(encoding="utf-8") == text.replace(
        "reusers: [business]", "reusers: [business, media]"
    )
    assert (
        read_case_file(french, "fr", "fr").data["title"]
        == f"Exemple synthétique, pourquoi{NBSP}?{NBSP}"
    )

"""The built site: pages, labels, formats, notices, metadata for machines, no third-party
requests."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from odimpact.builder.build import BuildError, build_site
from odimpact.corpus import load_corpus
from odimpact.paths import CASES_DIR
from tests.site.helpers import (
    json_ld,
    listed_links,
    main_text,
    normalise_spaces,
    page,
    visible_text,
)
from tests.synthetic import write_case

pytestmark = pytest.mark.slow


def test_case_page_exists_in_both_languages_with_its_language(synthetic_site: Path) -> None:
    assert '<html lang="en"' in page(synthetic_site, "cases/synthetic-bus-data/")
    assert '<html lang="fr"' in page(synthetic_site, "fr/cases/synthetic-bus-data/")


def test_drafts_get_no_page_and_retired_keep_theirs_with_a_notice(synthetic_site: Path) -> None:
    assert not (synthetic_site / "cases" / "synthetic-draft-case").exists()
    assert not (synthetic_site / "fr" / "cases" / "synthetic-draft-case").exists()
    assert "This case has been retired." in page(synthetic_site, "cases/synthetic-retired-case/")
    # The notice is case text typeset at render: the plain space typed before ":" is shown no-break.
    assert "Synthétique&nbsp;: fusionné" in page(synthetic_site, "fr/cases/synthetic-retired-case/")


def test_lists_show_published_cases_only(synthetic_site: Path) -> None:
    # Sorted by title: "Synthetic case awaiting...", "Synthetic example: a fictional city...", "...:
    # clinic...".
    assert listed_links(page(synthetic_site, "cases/")) == [
        "synthetic-english-only/",
        "synthetic-bus-data/",
        "synthetic-clinic-waits/",
        "synthetic-evidence/",
    ]


def test_sector_list_has_exactly_its_cases(synthetic_site: Path) -> None:
    assert listed_links(page(synthetic_site, "fr/cases/by-sector/health/")) == [
        "../../synthetic-clinic-waits/"
    ]
    assert listed_links(page(synthetic_site, "cases/by-sector/transport/")) == [
        "../../synthetic-bus-data/"
    ]


def test_awaiting_translation_notice_and_language_of_the_text(synthetic_site: Path) -> None:
    html = page(synthetic_site, "fr/cases/synthetic-english-only/")
    assert "n'a pas encore été traduite en français" in html.replace("&#x27;", "'")
    assert '<div lang="en">' in html
    assert "odi-awaiting" not in page(synthetic_site, "cases/synthetic-english-only/")


def test_labels_not_raw_keys(synthetic_site: Path) -> None:
    facts = re.search(
        r'<section class="odi-facts".*?</section>',
        page(synthetic_site, "fr/cases/synthetic-bus-data/"),
        re.S,
    ).group(0)
    for label in (
        "Ontario",
        "Municipal",
        "Transports",
        "Économique",
        "Sociale",
        "1 – Description des incidences",
    ):
        assert label in facts, label
    shown = visible_text(facts)
    for raw in ("CA-ON", "transport ", "economy-business", "economic", "municipal"):
        assert raw not in shown, raw


@pytest.mark.parametrize(
    ("prefix", "roles"),
    [("", ("Data publisher", "Re-user")), ("fr/", ("Diffuseur de données", "Réutilisateur"))],
)
def test_organizations_roles_are_labels_in_the_pages_language(
    synthetic_site: Path, prefix: str, roles: tuple[str, ...]
) -> None:
    listed = re.search(
        r'<ul class="odi-organisations">.*?</ul>',
        page(synthetic_site, f"{prefix}cases/synthetic-bus-data/"),
        re.S,
    ).group(0)
    shown = visible_text(listed)
    assert [f"({role})" in shown for role in roles] == [True, True], shown
    assert "data-publisher" not in shown and "re-user" not in shown, shown


@pytest.mark.parametrize(("prefix", "title"), [("", "Permanent link"), ("fr/", "Lien permanent")])
def test_heading_permalinks_are_titled_in_the_pages_language(
    synthetic_site: Path, prefix: str, title: str
) -> None:
    for path in (f"{prefix}cases/synthetic-bus-data/", f"{prefix}methodology/"):
        titles = set(
            re.findall(r'class="headerlink"[^>]*title="([^"]*)"', page(synthetic_site, path))
        )
        assert titles == {title}, (path, titles)


def test_numbers_and_dates_formatted_per_language(synthetic_site: Path) -> None:
    english = normalise_spaces(main_text(page(synthetic_site, "cases/synthetic-bus-data/")))
    french = normalise_spaces(main_text(page(synthetic_site, "fr/cases/synthetic-bus-data/")))
    assert "1,234.5 downloads" in english and "$20,000" in english
    assert "20 000 $" in french and "1 234,5" in french
    assert "1 February 2026" in english and "1er février 2026" in french


def test_citations_link_to_numbered_sources(synthetic_site: Path) -> None:
    html = page(synthetic_site, "cases/synthetic-bus-data/")
    assert '<a class="odi-cite" href="#source-s2">[2]</a>' in html
    assert '<li id="source-s2">' in html


def test_related_cases_link_only_to_cases_with_pages(synthetic_site: Path) -> None:
    html = page(synthetic_site, "cases/synthetic-clinic-waits/")
    assert 'href="../synthetic-bus-data/"' in html
    assert "synthetic-draft-case" not in html


def test_edit_link_points_to_the_case_file(synthetic_site: Path) -> None:
    assert "/edit/main/cases/synthetic-bus-data/index.fr.md" in page(
        synthetic_site, "fr/cases/synthetic-bus-data/"
    )


def test_json_ld_article_with_place_and_datasets(synthetic_site: Path) -> None:
    data = json_ld(page(synthetic_site, "fr/cases/synthetic-bus-data/"))
    assert data["@type"] == "Article"
    assert data["spatialCoverage"]["identifier"] == "CA-ON"
    assert data["isBasedOn"][0]["url"] == "https://example.org/exampleville/bus-schedules"
    assert data["inLanguage"] == "fr"
    assert data["mainEntityOfPage"] == data["url"] and data["url"].endswith(
        "/fr/cases/synthetic-bus-data/"
    )
    assert data["publisher"]["name"] == "Incidences des données ouvertes au Canada" and data[
        "publisher"
    ]["url"].endswith("/fr/")


def test_hreflang_and_open_graph(synthetic_site: Path) -> None:
    html = page(synthetic_site, "cases/synthetic-bus-data/")
    assert re.search(
        r'<link rel="alternate" hreflang="fr" href="https://[^"]+/fr/cases/synthetic-bus-data/">',
        html,
    )
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="en_CA">' in html


def test_sitemap_lists_both_languages(synthetic_site: Path) -> None:
    sitemap = (synthetic_site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>[^<]+/cases/synthetic-bus-data/</loc>", sitemap)
    assert re.search(r'hreflang="fr" href="[^"]+/fr/cases/synthetic-bus-data/"', sitemap)


def test_no_asset_from_another_origin(synthetic_site: Path) -> None:
    for path in synthetic_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"', html) + re.findall(
            r'<link[^>]*rel="(?:stylesheet|preload|icon|preconnect)"[^>]*href="([^"]+)"', html
        ):
            assert not re.match(r"(https?:)?//", url), f"{path}: {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path


def test_search_index_split_by_language(synthetic_site: Path) -> None:
    for lang, bundle in (
        ("en", synthetic_site / "pagefind"),
        ("fr", synthetic_site / "fr" / "pagefind"),
    ):
        assert {path.name.split("_")[0] for path in bundle.glob("pagefind.*.pf_meta")} == {
            f"pagefind.{lang}"
        }
        fragments = [path.name for path in bundle.glob("fragment/*.pf_fragment")]
        # its five case pages
        assert len(fragments) == 5 and all(name.startswith(f"{lang}_") for name in fragments)


def test_home_counts_published_cases(synthetic_site: Path) -> None:
    assert "4 case studies from 3 jurisdictions" in page(synthetic_site, "")
    assert "4 études de cas, portant sur les données de 3 administrations" in page(
        synthetic_site, "fr/"
    )


def test_real_cases_build_strictly_with_a_page_each(real_site: Path) -> None:
    corpus = load_corpus(CASES_DIR)
    for case in corpus.with_pages():
        assert (real_site / "cases" / case.id / "index.html").is_file(), case.id
        assert (real_site / "fr" / "cases" / case.id / "index.html").is_file(), case.id


def test_footer_speaks_the_page_language(synthetic_site: Path) -> None:
    english = (synthetic_site / "index.html").read_text(encoding="utf-8")
    french = (synthetic_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "Case studies licensed CC BY 4.0" in english and "Études de cas" not in english
    assert (
        "Études de cas sous licence CC BY 4.0" in french and "Case studies licensed" not in french
    )


def test_build_command_refuses_invalid_cases(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    from odimpact.paths import REPO_ROOT

    cases = tmp_path / "cases"
    shutil.copytree(
        REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data",
        cases / "synthetic-bus-data",
    )
    english = cases / "synthetic-bus-data" / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("reusers: [business]", "reusers: [busines]"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "odimpact.cli",
            "build",
            "--cases",
            str(cases),
            "--out",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "[schema-vocabulary]" in result.stdout and "--skip-validation" in result.stderr
    assert not (tmp_path / "site").exists()


def test_build_command_takes_relative_folders(tmp_path: Path) -> None:
    """`odimpact build --cases cases --out site-rel`, both relative to where you stand."""
    import shutil
    import subprocess
    import sys

    from odimpact.paths import REPO_ROOT

    shutil.copytree(
        REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data",
        tmp_path / "cases" / "synthetic-bus-data",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "odimpact.cli",
            "build",
            "--cases",
            "cases",
            "--out",
            "site-rel",
            "--no-search",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "site-rel" / "cases" / "synthetic-bus-data" / "index.html").is_file()
    assert (tmp_path / "site-rel" / "fr" / "cases" / "synthetic-bus-data" / "index.html").is_file()


def test_home_counts_the_translation_backlog(synthetic_site: Path) -> None:
    # The synthetic corpus has one published case written in English only.
    assert "Every case is available in English and in French." in page(synthetic_site, "")
    # nh3 writes U+00A0 as &nbsp;
    assert "Traductions en attente&nbsp;: 1 de ces études de cas" in page(synthetic_site, "fr/")


def test_a_warning_fails_the_build(tmp_path: Path) -> None:
    """MkDocs' --quiet stops warnings from counting under --strict: a link to a missing page must
    stop the build, not pass with exit 0."""
    write_case(tmp_path / "cases", "synthetic-bus-data")
    path = tmp_path / "cases" / "synthetic-bus-data" / "index.en.md"
    with path.open("a", encoding="utf-8") as case:
        case.write("\nSee [a synthetic case that does not exist](../no-such-case/index.md).\n")
    with pytest.raises(BuildError, match="no-such-case"):
        build_site(
            tmp_path / "site", cases_dir=tmp_path / "cases", work=tmp_path / "work", search=False
        )


@pytest.mark.parametrize(
    ("page", "lang", "title", "home", "search"),
    [
        ("404.html", "en", "Page not found", "/knowledge-base/", "Search"),
        ("fr/404.html", "fr", "Page introuvable", "/knowledge-base/fr/", "Recherche"),
    ],
)
def test_each_language_has_its_own_not_found_page(
    synthetic_site: Path, page: str, lang: str, title: str, home: str, search: str
) -> None:
    html = (synthetic_site / page).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{title}</h1>" in html
    assert f'<a href="{home}">' in html
    # The way to search leads to the search page of the page's own language, named in that language.
    assert f'<a href="{home}search/">{search}</a>' in html
    assert (
        synthetic_site / home.removeprefix("/knowledge-base/") / "search" / "index.html"
    ).is_file()


@pytest.mark.parametrize(
    ("page", "said", "not_said"),
    [
        (
            "search/index.html",
            "Search needs JavaScript. Browse the lists of cases instead.",
            "JavaScript. Parcourez",
        ),
        (
            "fr/search/index.html",
            "La recherche nécessite JavaScript. Parcourez plutôt les listes d'études de cas.",
            "Search needs",
        ),
    ],
)
def test_the_search_page_says_in_its_language_what_to_do_without_javascript(
    synthetic_site: Path, page: str, said: str, not_said: str
) -> None:
    html = (synthetic_site / page).read_text(encoding="utf-8")
    noscript = [
        html_module.unescape(text)
        for text in re.findall(r"<noscript>(.*?)</noscript>", html, re.DOTALL)
    ]
    assert len(noscript) == 1 and said in noscript[0], noscript
    assert not_said not in html


def test_a_case_page_is_dated_by_its_last_review_in_the_sitemap(synthetic_site: Path) -> None:
    sitemap = (synthetic_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(
        r"<loc>[^<]+/fr/cases/synthetic-bus-data/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap
    )
    assert entry and entry.group(1) == "2026-02-01"  # the fixture's `reviewed`


def test_a_drafts_errors_never_stop_the_published_build(tmp_path: Path) -> None:
    """An imported proposal is a draft with values only an editor can supply: the site builds
    without it, and says so; the same error in a published case stops the build."""
    import shutil
    import subprocess
    import sys

    from odimpact.paths import REPO_ROOT

    cases = tmp_path / "cases"
    shutil.copytree(
        REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data",
        cases / "synthetic-bus-data",
    )
    draft = cases / "synthetic-draft-proposal"
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data", draft)
    for path in draft.glob("index.*.md"):
        text = path.read_text(encoding="utf-8").replace(
            "id: synthetic-bus-data", "id: synthetic-draft-proposal"
        )
        path.write_text(
            text.replace("status: published", "status: draft").replace(
                "reusers: [business]", "reusers: [busines]"
            ),
            encoding="utf-8",
        )
    command = [
        sys.executable,
        "-m",
        "odimpact.cli",
        "build",
        "--cases",
        str(cases),
        "--no-search",
        "--lang",
        "en",
    ]
    result = subprocess.run(
        [*command, "--out", str(tmp_path / "site")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "[schema-vocabulary]" in result.stdout and "error(s) in draft cases" in result.stderr
    assert (tmp_path / "site" / "cases" / "synthetic-bus-data" / "index.html").is_file()
    assert not (tmp_path / "site" / "cases" / "synthetic-draft-proposal").exists()

    for path in draft.glob("index.*.md"):
        path.write_text(
            path.read_text(encoding="utf-8").replace("status: draft", "status: published"),
            encoding="utf-8",
        )
    result = subprocess.run(
        [*command, "--out", str(tmp_path / "site-2")], capture_output=True, text=True
    )
    assert result.returncode == 1 and "fix the errors above" in result.stderr


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_every_page_the_navigation_names_is_built(synthetic_site: Path, prefix: str) -> None:
    """The navigation comes from the site's table of sections (odimpact.urls.NAV): each page it
    names exists in both languages, generated or hand-written."""
    from odimpact.publication.trees import page_url
    from odimpact.urls import nav_targets

    targets = nav_targets()
    assert len(set(targets)) == len(targets) and {
        "index.md",
        "cases/by-year/index.md",
        "interviews/consent.md",
    } <= set(targets)
    for target in targets:
        assert (synthetic_site / prefix / page_url(target) / "index.html").is_file(), (
            prefix,
            target,
        )

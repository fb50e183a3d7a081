"""The Nu HTML Checker on every page of the synthetic site, in both languages: no error from the
project's markup (overrides/, generated HTML, docs/); Material's remaining errors are exactly
those tests/site/nu.py lists (and the README names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site import nu


@pytest.fixture(scope="module")
def nu_errors(synthetic_site: Path) -> list[nu.NuError]:
    # Fails, never skips, without Java or the checker: `make browser-deps` installs both.
    assert nu.java(), "Java is missing (the Nu HTML Checker runs on it): run `make browser-deps`"
    assert nu.VNU_JAR.exists(), "vnu.jar is missing: run `make browser-deps`"
    return nu.check(synthetic_site)


def test_every_page_of_both_languages_is_checked(synthetic_site: Path) -> None:
    pages = [page.relative_to(synthetic_site).as_posix() for page in nu.site_pages(synthetic_site)]
    assert "index.html" in pages and "fr/index.html" in pages
    assert (
        "cases/synthetic-bus-data/index.html" in pages
        and "fr/cases/synthetic-bus-data/index.html" in pages
    )


def test_no_error_from_the_projects_markup(nu_errors: list[nu.NuError]) -> None:
    assert [str(error) for error in nu_errors if error.upstream is None] == []


def test_every_listed_material_error_still_occurs(nu_errors: list[nu.NuError]) -> None:
    """The list of Material's errors holds no entry that no page shows any more."""
    seen = {error.upstream for error in nu_errors if error.upstream}
    assert [entry.template for entry in nu.MATERIAL if entry not in seen] == []


def test_an_error_is_materials_only_for_the_markup_listed(tmp_path: Path) -> None:
    assert nu.java(), "Java is missing (the Nu HTML Checker runs on it): run `make browser-deps`"
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta '
        'charset="utf-8"><title>Synthetic</title></head><body>\n'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">\n'
        '<input class="odi-toggle" type="checkbox" id="synthetic" aria-label="Synthetic" '
        'autocomplete="off">\n'
        '<label tabindex="">Synthetic</label>\n</body></html>\n',
        encoding="utf-8",
    )
    errors = nu.check(tmp_path, [page])
    assert sorted((error.line, error.upstream is not None) for error in errors) == [
        (2, True),
        (3, False),
        (4, False),
    ]

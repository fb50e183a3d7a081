"""Re-cutting Pagefind's word index (odimpact.builder.search_index) on a bundle Pagefind really
wrote.

The bundle is indexed from generated French pages (clearly synthetic) small enough for Pagefind
to write a single chunk: searched in the browser, that stock bundle loads the whole index, so
its results are complete and the re-cut bundle must return exactly the same pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cbor2
import pytest

from odimpact.builder import search_index
from odimpact.builder.search_index import (
    SearchIndexError,
    cap_positions,
    chunk_ranges,
    compact_bundle,
    read_file,
)
from tests.site.browser import serve

CHUNK_BYTES = 400  # small enough that this corpus's common words are capped and the index cut
KEPT = 2
RARE = {
    3: "municipalité",
    7: "autobus",
    11: "municipalité",
    19: "municipality",
    23: "santé publique",
}
QUERIES = [
    "autobus",
    "municipalité",
    "municipalite",
    "municip",
    "santé",
    "sante",
    "données ouvertes",
    "donnee",
    "de",
    "ville",
    "rapport",
    "synthétique12",
    "inexistant",
]


def _page(number: int) -> str:
    common = " ".join(
        ["Les données ouvertes de la ville de Synthéville sont publiées chaque année."] * 6
    )
    rare = RARE.get(number, "")
    return (
        f'<!doctype html><html lang="fr"><head><title>Page synthétique '
        f"{number}</title></head><body><main>"
        f"<h1>Rapport synthétique{number} sur les données</h1><p>{common} {rare}</p>"
        f"<h2>Données de la ville</h2><p>{common} Fin du rapport {number}.</p></main></body></html>"
    )


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/stock: Pagefind's bundle as written; site/pagefind: the same, re-cut."""
    site = tmp_path_factory.mktemp("search-index") / "site"
    for number in range(40):
        (site / f"page-{number}").mkdir(parents=True)
        (site / f"page-{number}" / "index.html").write_text(_page(number), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], check=True)
    shutil.copytree(site / "pagefind", site / "stock")
    compact_bundle(site / "pagefind", CHUNK_BYTES, KEPT)
    return site


def _chunks(bundle: Path) -> list[list[str]]:
    entry = json.loads((bundle / search_index.ENTRY).read_text(encoding="utf-8"))
    return read_file(bundle / f"pagefind.{entry['languages']['fr']['hash']}.pf_meta")[2]


def _words(bundle: Path) -> dict[str, list]:
    return {
        word[0]: word
        for _, _, name in _chunks(bundle)
        for word in read_file(bundle / "index" / f"{name}.pf_index")[0]
    }


def _postings(word: list) -> Iterator[tuple[str, int, list[int], list]]:
    """(form, page, positions, title positions) of a word, its own form first, then its variants."""
    key, pages, variants = word
    for form, form_pages in [(key, pages), *variants]:
        for page, positions, *rest in form_pages:
            yield form, page, positions, rest


def test_stock_bundle_is_one_chunk_with_common_words_too_large_for_the_budget(
    bundles: Path,
) -> None:
    # The premise of the comparisons below: the stock bundle is complete, and re-cutting has work to
    # do.
    assert len(_chunks(bundles / "stock")) == 1
    assert len(_chunks(bundles / "pagefind")) > 5
    assert len(cbor2.dumps(_words(bundles / "stock")["de"])) > CHUNK_BYTES


def test_every_word_keeps_every_page_and_only_large_words_lose_positions(bundles: Path) -> None:
    stock, recut = _words(bundles / "stock"), _words(bundles / "pagefind")
    assert stock.keys() == recut.keys()
    capped = 0
    for key, word in stock.items():
        before, after = list(_postings(word)), list(_postings(recut[key]))
        assert [(form, page, rest) for form, page, _, rest in before] == [
            (form, page, rest) for form, page, _, rest in after
        ]
        if len(cbor2.dumps(word)) <= CHUNK_BYTES:
            assert recut[key] == word
            continue
        capped += 1
        for (_, _, positions, _), (_, _, kept, _) in zip(before, after):
            assert kept == cap_positions(positions, KEPT)
            # every weight kept
            assert [value for value in positions if value < 0] == [
                value for value in kept if value < 0
            ]
    assert capped >= 3


def test_positions_are_cut_to_the_head_of_each_weights_run() -> None:
    # Runs: body weight (-25) with gaps, then a heading weight (-145), then the title's (-169).
    assert cap_positions([-25, 3, 4, 3, 2, -145, 14, 6, 1, -169, 0], 2) == [
        -25,
        3,
        4,
        -145,
        14,
        6,
        -169,
        0,
    ]
    assert cap_positions([-25, 3, 4, 3], 1) == [-25, 3]


def test_chunks_stay_within_the_budget_unless_one_word_fills_it(bundles: Path) -> None:
    for _, _, name in _chunks(bundles / "pagefind"):
        words = read_file(bundles / "pagefind" / "index" / f"{name}.pf_index")[0]
        assert len(words) == 1 or sum(len(cbor2.dumps(word)) for word in words) <= CHUNK_BYTES


def test_words_sharing_a_beginning_stay_in_one_chunk_when_they_fit() -> None:
    keys = ["ma", "mu", "municipal", "municipalit", "municipality", "na", "nb"]
    # The m... words are too large together: split at the second character, and mu... fits whole.
    assert chunk_ranges(keys, [10, 10, 30, 30, 30, 10, 10], 100) == [(0, 1), (1, 5), (5, 7)]
    # Too large together: split at the next character (municipal | municipalit, municipality).
    assert chunk_ranges(keys, [10, 10, 60, 30, 30, 10, 10], 100) == [(0, 3), (3, 7)]
    # One word larger than a chunk is a chunk of its own.
    assert chunk_ranges(keys, [10, 10, 500, 30, 30, 10, 10], 100) == [(0, 2), (2, 3), (3, 7)]


def test_chunk_bounds_are_cut_as_pagefind_cuts_them() -> None:
    # Pagefind's own example: chunks apple | apricot, banana | peach.
    spans = [("apple", "apple", "a"), ("apricot", "banana", "b"), ("peach", "peach", "c")]
    assert search_index._bounds(spans) == [["apple", "app"], ["apr", "b"], ["p", "peach"]]


def test_only_the_new_files_remain_and_the_entry_names_the_new_metadata(bundles: Path) -> None:
    bundle = bundles / "pagefind"
    names = {f"{name}.pf_index" for _, _, name in _chunks(bundle)}
    assert {path.name for path in (bundle / "index").iterdir()} == names
    assert len(list(bundle.glob("pagefind.*.pf_meta"))) == 1
    assert {path.name for path in (bundle / "fragment").iterdir()} == {
        path.name for path in (bundles / "stock" / "fragment").iterdir()
    }


def test_cbor_array_heads_match_the_encoder() -> None:
    for length in (0, 23, 24, 255, 256, 65_535, 65_536):
        assert search_index._array_head(length) == cbor2.dumps([0] * length)[: -length or None]


def test_a_bundle_from_another_pagefind_version_stops_the_build(
    bundles: Path, tmp_path: Path
) -> None:
    bundle = shutil.copytree(bundles / "stock", tmp_path / "bundle")
    entry = json.loads((bundle / search_index.ENTRY).read_text(encoding="utf-8"))
    entry["version"] = "9.9.9"
    (bundle / search_index.ENTRY).write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(SearchIndexError, match=r"Pagefind 9\.9\.9.*Pagefind 1\.5\.2"):
        compact_bundle(bundle)


SEARCH = """async ([bundle, queries]) => {
  const pagefind = await import(bundle + "pagefind.js");
  const found = {};
  for (const query of queries) {
    const response = await pagefind.search(query);
    found[query] = response.results.map((result) => result.id).sort();
  }
  return found;
}"""


def _search(
    browser: object, base: str, bundle: str, queries: list[str]
) -> tuple[dict[str, list[str]], int]:
    """Pages found for each query, in a fresh page, and the index bytes downloaded for them."""
    page = browser.new_page()
    responses: list[object] = []
    page.on(
        "response",
        lambda response: responses.append(response) if "/index/" in response.url else None,
    )
    page.goto(base + "page-0/")
    found = page.evaluate(SEARCH, [f"{base}{bundle}/", queries])
    downloaded = sum(len(response.body()) for response in responses)
    page.close()
    return found, downloaded


@pytest.mark.browser
def test_the_recut_index_finds_exactly_what_the_complete_stock_index_finds(
    bundles: Path, browser: object
) -> None:
    with serve(bundles) as base:
        stock, _ = _search(browser, base, "stock", QUERIES)
        recut, _ = _search(browser, base, "pagefind", QUERIES)
    assert recut == stock
    assert (
        len(stock["autobus"]) == 1 and len(stock["municipalite"]) == 3 and len(stock["santé"]) == 1
    )
    # municipalite: its pages and "municipality"
    assert stock["inexistant"] == [] and len(stock["de"]) == 40


@pytest.mark.browser
def test_a_rare_word_downloads_a_small_part_of_the_index(bundles: Path, browser: object) -> None:
    with serve(bundles) as base:
        _, stock = _search(browser, base, "stock", ["autobus"])
        _, recut = _search(browser, base, "pagefind", ["autobus"])
    assert 0 < recut < stock / 3

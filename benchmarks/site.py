"""Site build benchmark on a SYNTHETIC corpus (written to a temporary folder, never under cases/).

    .venv/bin/python -m benchmarks.site [N ...]      (default: 100 1000 2000)

Prints, for N bilingual cases: build seconds (the two language processes of MkDocs, run at once,
and their merge), Pagefind seconds, peak memory (the two MkDocs processes' peaks added, since
they run together; Pagefind's runs after them), output size, the search download, and the
floor: Python-Markdown alone converting the same 2N bodies.

The bodies are random words drawn with the frequencies of the real cases' own words, so that
the search index grows as it would with real text (a few repeated words made every word
appear in every page, which no real corpus does). Search KB is what headless Debian chromium
downloads from Pagefind (compressed) on the French search page before the first result
appears, the most of a set of queries; worst KB replays Pagefind's chunk lookup for every word
of the index and counts the costliest one-word query.
"""

from __future__ import annotations

import collections
import functools
import gzip
import json
import random
import re
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

import markdown

from odimpact.builder.build import build_site, run_pagefind
from odimpact.builder.search_index import read_file
from odimpact.corpus import load_corpus
from odimpact.outline import prose
from odimpact.paths import CASES_DIR, REPO_ROOT
from odimpact.urls import search_bundle
from tests.synthetic import fixture_meta, write_case_file

# Topics a reader would look for, all present in the real cases' words (so every corpus size has
# results), and the two commonest words of the domain together, the heaviest query of the set.
QUERIES = {
    "fr": [
        "santé",
        "sante",
        "transport",
        "autobus",
        "restaurants",
        "municipalité",
        "données ouvertes",
    ],
    "en": ["health", "transit", "bus", "restaurants", "open data"],
}


@functools.cache
def word_frequencies(lang: str) -> tuple[list[str], list[int]]:
    """The real cases' body words in one language and how often each occurs (the model the
    synthetic bodies are drawn from; no sentence of a case is reproduced)."""
    counts: collections.Counter[str] = collections.Counter()
    for case in load_corpus(CASES_DIR, REPO_ROOT, (lang,)).cases:
        if lang in case.files:
            counts.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", prose(case.body(lang))))
    words = sorted(counts)
    return words, [counts[word] for word in words]


SECTORS = ["health", "transport", "environment", "education", "government", "economy-business"]
JURISDICTIONS = [
    "CA",
    "CA-ON",
    "CA-QC",
    "CA-BC",
    "CA-AB",
    "CA-NS",
    "CA-NB",
    "CA-MB",
    "CA-SK",
    "CA-YT",
]
SECTION_IDS = ["context", "data", "what-was-done", "impact", "evidence-and-limits", "lessons"]


def body(rng: random.Random, lang: str) -> str:
    """600 to 900 synthetic words in the six outline sections, with citations."""
    words, weights = word_frequencies(lang)
    per_section = rng.randint(600, 900) // len(SECTION_IDS)
    parts = []
    for section in SECTION_IDS:
        text = " ".join(rng.choices(words, weights, k=per_section))
        parts.append(
            f"## {section.replace('-', ' ').capitalize()} {{#{section}}}\n\n{text} [s1].\n"
        )
    return "\n" + "\n".join(parts)


def write_corpus(cases_dir: Path, count: int) -> list[str]:
    """N synthetic bilingual cases; returns their bodies (for the Markdown floor)."""
    rng = random.Random(count)
    bodies = []
    for index in range(count):
        case_id = f"synthetic-benchmark-{index:05d}"
        facts = {
            "sectors": [rng.choice(SECTORS)],
            "jurisdiction": rng.choice(JURISDICTIONS),
            "period": {"start": rng.randint(2005, 2024), "end": "ongoing"},
        }
        for lang in ("en", "fr"):
            meta, _ = fixture_meta(lang)
            meta.update(id=case_id, title=f"{meta['title']} #{index}", **facts)
            text = body(rng, lang)
            bodies.append(text)
            write_case_file(cases_dir / case_id, lang, meta, text)
    return bodies


def markdown_floor(bodies: list[str]) -> float:
    """Seconds Python-Markdown alone takes for the bodies, with the site's extensions."""
    converter = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "admonition", "tables", "footnotes", "toc"]
    )
    start = time.perf_counter()
    for text in bodies:
        converter.reset().convert(text)
    return time.perf_counter() - start


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def chunks_loaded(term: str, chunks: list[list[str]]) -> list[str]:
    """The index chunks Pagefind 1.5.2's search loads for a normalised word (observed in chromium):
    those whose range holds it, or else every one whose range holds its beginning."""
    strict = [name for first, last, name in chunks if first <= term <= last]
    return strict or [
        name
        for first, last, name in chunks
        if term[: len(first)] >= first[: len(term)] and term[: len(last)] <= last[: len(term)]
    ]


def worst_search_bytes(site: Path, lang: str = "fr", results: int = 5) -> int:
    """Compressed bytes before the first results for the costliest one-word query: UI, engine,
    the language's metadata and wasm, the index chunks that word loads (every word of the index
    tried) and the fragments of the first results shown."""
    bundle = site / search_bundle(lang)
    fixed = [
        "pagefind-ui.js",
        "pagefind-ui.css",
        "pagefind.js",
        "pagefind-worker.js",
        "pagefind-entry.json",
        f"wasm.{lang}.pagefind",
    ]
    total = sum(gzip_size(bundle / name) for name in fixed)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta"
    total += meta.stat().st_size  # Pagefind's own files are compressed already
    chunks = read_file(meta)[2]
    sizes = {name: (bundle / "index" / f"{name}.pf_index").stat().st_size for _, _, name in chunks}
    words = {
        form
        for name in sizes
        for word in read_file(bundle / "index" / f"{name}.pf_index")[0]
        for form in [word[0], *(variant[0] for variant in word[2])]
    }
    total += max(
        sum(sizes[name] for name in chunks_loaded(normalise(word), chunks)) for word in words
    )
    fragments = sorted(
        p.stat().st_size for p in (bundle / "fragment").glob(f"{lang}_*.pf_fragment")
    )
    return total + sum(fragments[-results:])


def normalise(word: str) -> str:
    """As Pagefind's search does to a query: lower case, no diacritics."""
    return "".join(
        char
        for char in unicodedata.normalize("NFD", word.lower())
        if not unicodedata.combining(char)
    )


def search_bytes(site: Path, lang: str = "fr") -> dict[str, int]:
    """What a reader downloads from Pagefind (compressed) before the first result of each of
    QUERIES appears, measured in headless chromium with an empty cache for each query."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, serve

    downloaded: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        for query in QUERIES[lang]:
            context = browser.new_context()
            page = context.new_page()
            responses: list[Any] = []
            # responses bound per query; keyword-only, so Playwright still passes the response
            # alone.
            page.on(
                "response",
                lambda response, *, responses=responses: (
                    responses.append(response) if "/pagefind/" in response.url else None
                ),
            )
            page.goto(f"{base}{'fr/' if lang == 'fr' else ''}search/?q={urllib.parse.quote(query)}")
            try:
                page.wait_for_selector(".pagefind-ui__result-link", timeout=120_000)
            except PlaywrightTimeout:
                raise SystemExit(
                    f"no search result for {query!r} in 120 s: "
                    f"{page.inner_text('.odi-search')[:300]!r}"
                ) from None
            # Pagefind's index, metadata, fragments and wasm are served compressed already.
            downloaded[query] = sum(
                len(r.body())
                if re.search(r"\.pf_\w+$|\.pagefind$", r.url)
                else len(gzip.compress(r.body(), 6))
                for r in responses
            )
            context.close()
        browser.close()
    return downloaded


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="odimpact-bench-") as tmp:
        root = Path(tmp)
        bodies = write_corpus(root / "cases", count)
        start = time.perf_counter()
        result = build_site(
            root / "site", cases_dir=root / "cases", work=root / "work", search=False
        )
        reports = time.perf_counter() - start - result.mkdocs_s  # the PDFs, once MkDocs is done
        built = result.mkdocs_s
        start = time.perf_counter()
        _, pagefind_peak = run_pagefind(result.site_dir)
        indexed = time.perf_counter() - start
        queries = search_bytes(root / "site")
        return {
            "queries": queries,
            "cases": count,
            "build_s": built,
            "pagefind_s": indexed,
            "peak_mb": result.peak_mb["en"] + result.peak_mb["fr"],
            "pagefind_mb": pagefind_peak,
            "reports_s": reports,
            "reports_mb": result.peak_mb["reports"],
            "output_mb": folder_size(root / "site") / 1e6,
            "search_kb": max(queries.values()) / 1024,
            "worst_kb": worst_search_bytes(root / "site") / 1024,
            "markdown_s": markdown_floor(bodies),
        }


def main(argv: list[str]) -> int:
    counts = [int(arg) for arg in argv] or [100, 1000, 2000]
    print(
        f"{'cases':>6} {'build s':>8} {'pagefind s':>10} {'peak MB':>8} {'pagefind MB':>11}"
        f" {'output MB':>9} {'search KB':>9} {'worst KB':>8} {'markdown s':>10}"
        f" {'report s':>8} {'report MB':>9}"
    )
    for count in counts:
        row = measure(count)
        print(
            f"{row['cases']:>6} {row['build_s']:>8.1f} {row['pagefind_s']:>10.1f} "
            f"{row['peak_mb']:>8.0f} {row['pagefind_mb']:>11.0f} "
            f"{row['output_mb']:>9.1f} {row['search_kb']:>9.0f} {row['worst_kb']:>8.0f} "
            f"{row['markdown_s']:>10.1f}"
            f" {row['reports_s']:>8.1f} {row['reports_mb']:>9.0f}",
            flush=True,
        )
        print(
            "        search KB by query: "
            + ", ".join(f"{query} {size / 1024:.0f}" for query, size in row["queries"].items()),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

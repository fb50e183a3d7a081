"""The search index a reader downloads: Pagefind's word index, re-cut so that no query fetches
far more than its own words.

Pagefind cuts each language's word index into files ("chunks") in alphabetical order, about
20,000 word positions each, and a query loads the chunk whose range holds each of its words.
A word found many times in every page ("de", "données") is much larger than that on its own,
so it closes a chunk together with the rare words sorted just before it; and Pagefind 1.5.2
counts no accented form when it sizes a chunk, so French chunks grow without bound. At 10,000
cases a search for "autobus" fetched 694 KB (the chunks of "a" and "au" among them) and
"données ouvertes" 747 KB. Pagefind has no setting for this (its maintainers chose not to drop
common words), so, after it writes a bundle, two changes are made to its files, in its own
format:

- a word whose entry is larger than a chunk keeps, on each page, only its first KEPT_POSITIONS
  positions at each weight (body text, headings, title). Pages still match and rank by it;
  what is lost is the highlight of its later occurrences and exact-phrase matches beyond them,
  for words that are in most pages anyway;
- chunks are cut again by their encoded size, where the words on either side share the
  shortest beginning, and a word too large to share one gets its own.

The format read here is Pagefind 1.5.2's (the version pinned in pyproject.toml): a bundle's
pagefind-entry.json names each language's metadata file, whose third field lists the chunks as
[from, to, file]; each file is gzip of "pagefind_dcd" and CBOR. A chunk is [[word, ...]], a word
[key, pages, variants], a page [page, positions, title positions], and positions are runs, each
opened by a negative number (the weight), then the first position and the gaps to the next.
Another version stops the build with a message instead of guessing.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

FORMAT_VERSION = "1.5.2"
SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
CHUNK_BYTES = 24_000  # encoded (uncompressed) bytes per chunk; about 10 KB once compressed
KEPT_POSITIONS = 2

Word = list[Any]  # [key, pages, variants], as Pagefind encodes it


class SearchIndexError(RuntimeError):
    """The bundle is not in the format this module knows."""


@dataclass(frozen=True)
class Compaction:
    """What re-cutting one language's index changed (sizes compressed, as readers download them)."""

    language: str
    words: int
    capped: int
    chunks_before: int
    chunks_after: int
    largest_before: int
    largest_after: int


def compact_bundle(
    bundle: Path, chunk_bytes: int = CHUNK_BYTES, kept: int = KEPT_POSITIONS
) -> list[Compaction]:
    """Re-cut the word index of every language in a Pagefind bundle, in place."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    if entry.get("version") != FORMAT_VERSION:
        raise SearchIndexError(
            f"{bundle / ENTRY}: written by Pagefind {entry.get('version')}, but "
            f"odimpact/builder/search_index.py reads Pagefind {FORMAT_VERSION}'s index: "
            "check the new format and update the module, or pin Pagefind back"
        )
    reports = []
    for language, settings in entry["languages"].items():
        settings["hash"], report = _compact_language(
            bundle, language, settings["hash"], chunk_bytes, kept
        )
        reports.append(report)
    (bundle / ENTRY).write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return reports


def _compact_language(
    bundle: Path, language: str, meta_name: str, chunk_bytes: int, kept: int
) -> tuple[str, Compaction]:
    """Write the re-cut chunks and a new metadata file beside the old ones, then remove the old."""
    meta_path = _meta_path(bundle, meta_name)
    meta = read_file(meta_path)
    old = [_chunk_path(bundle, name) for _, _, name in meta[2]]
    # New names never reuse an old one, so an old file is never overwritten before it is removed.
    taken = {name for _, _, name in meta[2]} | {meta_name}
    counts = {"words": 0, "capped": 0}
    # (key, CBOR): a few MB a 1,000 pages
    words = list(_encoded(_words(old), chunk_bytes, kept, counts))
    spans, largest = [], 0
    for lo, hi in chunk_ranges(
        [key for key, _ in words], [len(data) for _, data in words], chunk_bytes
    ):
        data = _array_head(1) + _array_head(hi - lo) + b"".join(data for _, data in words[lo:hi])
        name, size = _write_file(data, language, lambda name: _chunk_path(bundle, name), taken)
        spans.append((words[lo][0], words[hi - 1][0], name))
        largest = max(largest, size)
    meta[2] = [[first, last, name] for (first, last), (_, _, name) in zip(_bounds(spans), spans)]
    new_meta, _ = _write_file(
        cbor2.dumps(meta), language, lambda name: _meta_path(bundle, name), taken, length=10
    )
    largest_before = max((path.stat().st_size for path in old), default=0)
    for path in [*old, meta_path]:
        path.unlink()
    return new_meta, Compaction(
        language, counts["words"], counts["capped"], len(old), len(spans), largest_before, largest
    )


def _chunk_path(bundle: Path, name: str) -> Path:
    return bundle / "index" / f"{name}.pf_index"


def _meta_path(bundle: Path, name: str) -> Path:
    return bundle / f"pagefind.{name}.pf_meta"


def read_file(path: Path) -> Any:
    return cbor2.loads(_decompress(path))


def _decompress(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind file (no {SIGNATURE.decode()} signature)")
    return data[len(SIGNATURE) :]


def _write_file(
    cbor: bytes, language: str, path_of: Callable[[str], Path], taken: set[str], length: int = 7
) -> tuple[str, int]:
    """Write CBOR as Pagefind does, named by its content hash (longer on a clash, as Pagefind
    does); returns the name and the compressed size."""
    data = gzip.compress(SIGNATURE + cbor, compresslevel=6, mtime=0)
    digest = hashlib.sha256(data).hexdigest()
    while (name := f"{language}_{digest[:length]}") in taken:
        length += 1
    taken.add(name)
    path_of(name).write_bytes(data)
    return name, len(data)


def _words(files: Iterable[Path]) -> Iterator[tuple[Word, bytes]]:
    """Every word of the index in Pagefind's (alphabetical) order, with its CBOR as Pagefind
    wrote it (sliced, not encoded again: most words are written back unchanged)."""
    previous = None
    for path in files:
        data = _decompress(path)
        stream = io.BytesIO(data)
        decoder = cbor2.CBORDecoder(stream)
        if stream.read(1) != _array_head(1):
            raise SearchIndexError(f"{path}: not a Pagefind {FORMAT_VERSION} index chunk")
        for _ in range(_read_array_head(stream, path)):
            start = stream.tell()
            word = decoder.decode()
            if previous is not None and word[0] <= previous:
                raise SearchIndexError(
                    f"{path}: words out of order ({previous!r} before {word[0]!r})"
                )
            previous = word[0]
            yield word, data[start : stream.tell()]


def _encoded(
    words: Iterable[tuple[Word, bytes]], chunk_bytes: int, kept: int, counts: dict[str, int]
) -> Iterator[tuple[str, bytes]]:
    """Each word's key and CBOR, capped where the word alone would overfill a chunk."""
    for word, data in words:
        counts["words"] += 1
        if len(data) > chunk_bytes:
            counts["capped"] += 1
            data = cbor2.dumps(cap_word(word, kept))
        yield word[0], data


def cap_word(word: Word, kept: int) -> Word:
    key, pages, variants = word
    return [
        key,
        _cap_pages(pages, kept),
        [[form, _cap_pages(form_pages, kept)] for form, form_pages in variants],
    ]


def _cap_pages(pages: list[list[Any]], kept: int) -> list[list[Any]]:
    return [[page, cap_positions(positions, kept), *rest] for page, positions, *rest in pages]


def cap_positions(positions: list[int], kept: int) -> list[int]:
    """The first `kept` positions of each weight's run. A run gives its first position and then
    the gaps, so its head still decodes to the same positions."""
    capped: list[int] = []
    in_run = 0
    for value in positions:
        if value < 0:
            capped.append(value)
            in_run = 0
        elif in_run < kept:
            capped.append(value)
            in_run += 1
    return capped


def chunk_ranges(keys: list[str], sizes: list[int], chunk_bytes: int) -> list[tuple[int, int]]:
    """Where to cut the sorted words: (start, end) of each chunk.

    A search term loads the chunk holding the words its stem begins (municipal, municipalit,
    municipality), so a cut is made at the shortest shared beginning that leaves each side
    under chunk_bytes: words sharing a beginning stay together whenever they fit in one chunk.
    Those groups are then packed in order, up to chunk_bytes a chunk."""
    total = list(itertools.accumulate(sizes, initial=0))
    ranges: list[tuple[int, int]] = []
    for lo, hi in _groups(keys, total, 0, len(keys), 0, chunk_bytes):
        if ranges and total[hi] - total[ranges[-1][0]] <= chunk_bytes:
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ranges


def _groups(
    keys: list[str], total: list[int], lo: int, hi: int, depth: int, chunk_bytes: int
) -> Iterator[tuple[int, int]]:
    """keys[lo:hi] share their first `depth` characters; split them by the next one until each
    group fits (a single word too large to fit is a group of its own)."""
    if hi - lo == 1 or total[hi] - total[lo] <= chunk_bytes:
        yield lo, hi
        return
    start = lo
    while start < hi:
        end = start + 1
        while end < hi and keys[end][depth : depth + 1] == keys[start][depth : depth + 1]:
            end += 1
        yield from _groups(keys, total, start, end, depth + 1, chunk_bytes)
        start = end


def _array_head(length: int) -> bytes:
    """The head of a CBOR array of `length` items (RFC 8949, major type 4)."""
    if length < 24:
        return bytes([0x80 | length])
    for code, size in ((24, 1), (25, 2), (26, 4)):
        if length < 1 << (8 * size):
            return bytes([0x80 | code]) + length.to_bytes(size, "big")
    raise SearchIndexError(f"a chunk of {length} words")


def _read_array_head(stream: io.BytesIO, path: Path) -> int:
    head = stream.read(1)
    if not head or head[0] >> 5 != 4 or head[0] & 0x1F > 26:
        raise SearchIndexError(f"{path}: not a Pagefind {FORMAT_VERSION} index chunk")
    code = head[0] & 0x1F
    return code if code < 24 else int.from_bytes(stream.read(1 << (code - 24)), "big")


def _shared(left: str, right: str) -> int:
    """How many leading characters two words share."""
    return next(
        (i for i, (a, b) in enumerate(zip(left, right)) if a != b), min(len(left), len(right))
    )


def _bounds(spans: list[tuple[str, str, str]]) -> list[list[str]]:
    """Each chunk's [from, to] as Pagefind writes them: between two chunks, each side is cut to one
    character past what their edge words share, so a search term falls in exactly one range."""
    bounds = [[first, last] for first, last, _ in spans]
    for left, right in itertools.pairwise(bounds):
        shared = _shared(left[1], right[0])
        left[1], right[0] = left[1][: shared + 1], right[0][: shared + 1]
    return bounds

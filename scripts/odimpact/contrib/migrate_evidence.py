"""Write the editors' evidence decisions (migrations/2026-evidence/<id>.yml) into both language
files.

`python -m odimpact.contrib.migrate_evidence migrations/2026-evidence [--check]`

Each decision file says, figure by figure and source by source in the case's own order, what the
evidence model needs (kinds, qualifiers, baselines, locators, quotes, independence...). Values are
set in ruamel's round-trip tree, so comments, key order, quoting and the body stay as they were;
new keys go where the format reference lists them. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.sync import plain
from odimpact.contrib.yaml_text import (
    SAFE_PLAIN,
    YAML_WORDS,
    dump_text,
    round_trip_yaml,
    split_front_matter,
)
from odimpact.paths import REPO_ROOT
from odimpact.schema import case_schema

LANGUAGES = ("en", "fr")
# Decisions given per language as {en: ..., fr: ...}; every other value is the same in both files.
PER_LANGUAGE = {"locator", "comparison", "measure", "note", "rerate", "communities", "unit"}


def _order(*path: str) -> list[str]:
    """Field order as the schema lists it: new keys are inserted in this order."""
    node = case_schema()
    for step in path:
        node = node["properties"][step]
        node = node.get("items", node)
    return list(node["properties"])


def _text(value: Any) -> Any:
    """Text is written double-quoted (vocabulary ids plain), so no quote, colon or '#' can change
    the
    document's structure."""
    if isinstance(value, str):
        plain_id = SAFE_PLAIN.match(value) and value.lower() not in YAML_WORDS
        return value if plain_id else DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap((key, _text(item)) for key, item in value.items())
        mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        return [_text(item) for item in value]
    return value


def _put(mapping: CommentedMap, key: str, value: Any, order: list[str]) -> bool:
    """Set mapping[key] (a new key after the last key that precedes it in `order`); True if it
    changed."""
    if value == "":
        if key in mapping:
            del mapping[key]
            return True
        return False
    if key in mapping:
        if plain(mapping[key]) == value:
            return False
        mapping[key] = _text(value)
        return True
    earlier = [name for name in order[: order.index(key)] if name in mapping]
    position = list(mapping).index(earlier[-1]) + 1 if earlier else len(mapping)
    mapping.insert(position, key, _text(value))
    return True


def _for(value: Any, key: str, lang: str) -> Any:
    return value[lang] if key in PER_LANGUAGE and isinstance(value, dict) else value


def _apply_items(
    items: list[CommentedMap],
    decisions: list[dict[str, Any]],
    order: list[str],
    lang: str,
    where: str,
) -> bool:
    if len(items) != len(decisions):
        raise SystemExit(
            f"{where}: {len(decisions)} decision(s) for {len(items)} item(s); give one per "
            f"item, in order"
        )
    changed = False
    for item, decision in zip(items, decisions):
        for key, value in decision.items():
            changed |= _put(item, key, _for(value, key, lang), order)
    return changed


def _append_to_section(body: str, section: str, paragraph: str) -> str:
    """Add a paragraph at the end of the outline section `section`, once."""
    if paragraph in body:
        return body
    start = body.index(f"{{#{section}}}")
    following = body.find("\n## ", start)
    end = len(body) if following == -1 else following
    return body[:end].rstrip("\n") + f"\n\n{paragraph}\n" + body[end:]


def migrate_file(path: Path, decisions: dict[str, Any], lang: str) -> bool:
    """Apply one case's decisions to one language file; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    parts = split_front_matter(text)
    if parts is None:
        raise SystemExit(f"{path}: no closed front matter")
    data = round_trip_yaml().load(parts.front)
    changed = False
    changed |= _apply_items(
        data.get("impacts", []),
        decisions.get("impacts", []),
        _order("impacts"),
        lang,
        f"{path}: impacts",
    )
    changed |= _apply_items(
        data["sources"], decisions.get("sources", []), _order("sources"), lang, f"{path}: sources"
    )
    for key in ("evidence_strength", "effects_in", "communities"):
        if key in decisions:
            changed |= _put(data, key, _for(decisions[key], key, lang), _order())
    rest = parts.rest
    if "rerate" in decisions:
        rest = _append_to_section(rest, "evidence-and-limits", decisions["rerate"][lang])
    new_text = parts.join(dump_text(data)) if changed else text
    new_text = new_text[: len(new_text) - len(parts.rest)] + rest
    if new_text == text:
        return False
    write_atomic(path, new_text)
    return True


def migrate(decisions_dir: Path, cases_dir: Path) -> list[Path]:
    """Apply every decision file; returns the case files that changed."""
    changed = []
    for decision_file in sorted(decisions_dir.glob("*.yml")):
        decisions = yaml.safe_load(decision_file.read_text(encoding="utf-8")) or {}
        for lang in LANGUAGES:
            path = cases_dir / decision_file.stem / f"index.{lang}.md"
            if path.exists() and migrate_file(path, decisions, lang):
                changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m odimpact.contrib.migrate_evidence", description=__doc__.splitlines()[0]
    )
    parser.add_argument("decisions", type=Path, help="folder of <case-id>.yml decision files")
    parser.add_argument("--cases-dir", type=Path, default=REPO_ROOT / "cases")
    args = parser.parse_args(argv)
    for path in migrate(args.decisions, args.cases_dir):
        print(f"migrated: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

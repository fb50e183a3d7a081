"""Copying language-neutral facts from one language file of a case to the other.

Values are changed in place in ruamel's round-trip tree, leaf by leaf, so everything not copied
(comments, key order, quoting, language-specific text, the Markdown body) keeps its exact bytes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, cast

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from odimpact.problems import field_name
from odimpact.schema import language_neutral_fields, neutral_here

_MISSING = object()


class ListLengthMismatch(ValueError):
    """Two lists whose items are matched by position (datasets, sources...) differ in length."""

    def __init__(self, path: tuple, source: int, target: int) -> None:
        super().__init__(field_name(path))
        self.field, self.source, self.target = field_name(path), source, target


@dataclass
class SyncResult:
    """The field paths changed in the target, in order."""

    changed: list[str] = field(default_factory=list)


def plain(node: Any) -> Any:
    """A ruamel value as plain Python, for comparing facts regardless of quoting or style."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def _insert_like_source(source: CommentedMap, target: CommentedMap, key: str, value: Any) -> None:
    """Insert `key` after the nearest preceding key it follows in the source, keeping the source's
    order."""
    keys = list(source.keys())
    position = 0
    for earlier in reversed(keys[: keys.index(key)]):
        if earlier in target:
            position = list(target.keys()).index(earlier) + 1
            break
    target.insert(position, key, value)


def _replace_list(target: CommentedMap | CommentedSeq, key: Any, new: list) -> None:
    """Put a copy of the source list in place, keeping the comments the target attached to it.

    ruamel hangs the comment lines that follow a block list on its last item; they belong to the
    target file (they introduce its next field), so they move to the new last item."""
    old = target[key]
    replacement = copy.deepcopy(new)
    if isinstance(old, CommentedSeq) and isinstance(replacement, CommentedSeq):
        old_items = dict(old.ca.items)
        tail = old_items.pop(len(old) - 1, None) if len(old) else None
        replacement.ca.items.clear()
        replacement.ca.items.update(
            {index: value for index, value in old_items.items() if index < len(replacement) - 1}
        )
        if tail is not None and len(replacement):
            replacement.ca.items[len(replacement) - 1] = tail
        replacement.ca.comment = old.ca.comment
    target[key] = replacement


def _set(source: Any, target: Any, key: Any, path: tuple, result: SyncResult) -> None:
    """Make target[key] equal to source[key]: leaves replaced, comments around them kept."""
    new = source[key]
    if plain(target[key]) == plain(new):
        return
    if isinstance(new, list) and isinstance(target[key], list):
        _replace_list(target, key, new)
    else:
        target[key] = copy.deepcopy(new)
    result.changed.append(field_name(path))


def copy_path(
    source: Any,
    target: Any,
    path: tuple[str, ...],
    where: tuple,
    result: SyncResult,
    whole: tuple[str, ...] = (),
) -> None:
    """Copy the value(s) at one neutral-field path (`*` stands for every list item; `whole` is the
    full path, for the schema's exceptions)."""
    whole = whole or path
    head, rest = path[0], path[1:]
    if head == "*":
        if not isinstance(source, list) or not isinstance(target, list):
            return
        if len(source) != len(target):
            raise ListLengthMismatch(where, len(source), len(target))
        for index in range(len(source)):
            copy_path(source[index], target[index], rest, where + (index,), result, whole)
        return
    if not isinstance(source, dict) or not isinstance(target, dict):
        return
    if not rest and not (neutral_here(whole, source) and neutral_here(whole, target)):
        return  # written in each language here (a source's descriptive title)
    here = where + (head,)
    in_source, in_target = head in source, head in target
    if rest:
        if in_source and in_target:
            copy_path(source[head], target[head], rest, here, result, whole)
        elif in_source != in_target:
            present = source if in_source else target
            raise ListLengthMismatch(
                here, len(present[head]) if in_source else 0, 0 if in_source else len(present[head])
            )
        return
    if in_source and in_target:
        _set(source, target, head, here, result)
    elif in_source:
        # Both trees come from ruamel's round-trip loader (copy_neutral_facts), whose mappings are
        # CommentedMaps.
        _insert_like_source(
            cast(CommentedMap, source),
            cast(CommentedMap, target),
            head,
            copy.deepcopy(source[head]),
        )
        result.changed.append(field_name(here))
    elif in_target:
        del target[head]
        result.changed.append(field_name(here))


def copy_neutral_facts(source: CommentedMap, target: CommentedMap) -> SyncResult:
    """Make every language-neutral fact of `target` equal to `source`'s; returns what changed."""
    result = SyncResult()
    for path in language_neutral_fields():
        copy_path(source, target, path, (), result)
    return result

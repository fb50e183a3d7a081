"""A small schema.org type check for the site's JSON-LD: every node's @type is known, every
property is one schema.org defines for that type (or a type it inherits from), every value is of
a type the property accepts, and the properties search engines require are there.

The tables hold only the types and properties the site uses, copied from schema.org's pages
(https://schema.org/<Type>, "Property / Expected type"); a property the site starts using must be
added here from its schema.org page, which is the point: nothing unchecked reaches a page."""

from __future__ import annotations

import re
from typing import Any

# Type -> the type it is a kind of (schema.org's hierarchy, as far as the site needs it).
PARENT = {
    "CreativeWork": "Thing",
    "Article": "CreativeWork",
    "Dataset": "CreativeWork",
    "MediaObject": "CreativeWork",
    "DataDownload": "MediaObject",
    "Organization": "Thing",
    "Place": "Thing",
    "AdministrativeArea": "Place",
    "Country": "AdministrativeArea",
    "Person": "Thing",
}
# Type -> property -> the types its values may have (data types: Text, URL, Date, Boolean).
PROPERTIES: dict[str, dict[str, tuple[str, ...]]] = {
    "Thing": {
        "name": ("Text",),
        "description": ("Text",),
        "url": ("URL",),
        "identifier": ("Text", "URL"),
        "mainEntityOfPage": ("CreativeWork", "URL"),
    },
    "CreativeWork": {
        "headline": ("Text",),
        "inLanguage": ("Text",),
        "license": ("URL", "CreativeWork"),
        "creator": ("Organization", "Person"),
        "author": ("Organization", "Person"),
        "publisher": ("Organization", "Person"),
        "datePublished": ("Date",),
        "dateModified": ("Date",),
        "keywords": ("Text", "URL"),
        "isAccessibleForFree": ("Boolean",),
        "spatialCoverage": ("Place",),
        "temporalCoverage": ("Text", "URL"),
        "isBasedOn": ("CreativeWork", "URL"),
        "encodingFormat": ("Text", "URL"),
    },
    "Dataset": {"distribution": ("DataDownload",)},
    "MediaObject": {"contentUrl": ("URL",), "encodingFormat": ("Text", "URL")},
}
# Type -> properties a node must have: those without which search engines ignore it (Google's
# rules for datasets and articles), and a download's format, which data catalogues show.
REQUIRED = {
    "Dataset": ("name", "description"),
    "DataDownload": ("contentUrl", "encodingFormat"),
    "Article": ("headline",),
}
DATA_TYPES = {
    "Text": lambda value: isinstance(value, str) and value.strip() != "",
    "URL": lambda value: (
        isinstance(value, str) and re.fullmatch(r"https?://[^\s]+", value) is not None
    ),
    "Date": lambda value: (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    ),
    "Boolean": lambda value: isinstance(value, bool),
}


def lineage(type_name: str) -> list[str]:
    """A type and every type it inherits from, nearest first."""
    chain = [type_name]
    while chain[-1] in PARENT:
        chain.append(PARENT[chain[-1]])
    return chain


def _allowed(type_name: str) -> dict[str, tuple[str, ...]]:
    allowed: dict[str, tuple[str, ...]] = {}
    for ancestor in reversed(lineage(type_name)):
        allowed.update(PROPERTIES.get(ancestor, {}))
    return allowed


def _fits(value: Any, expected: tuple[str, ...]) -> bool:
    if isinstance(value, dict):
        return any(name in lineage(str(value.get("@type"))) for name in expected)
    return any(DATA_TYPES[name](value) for name in expected if name in DATA_TYPES)


def problems(node: Any, path: str = "$") -> list[str]:
    """What is wrong with a JSON-LD node and the nodes inside it (empty when nothing is)."""
    if not isinstance(node, dict):
        return [f"{path}: expected a node, found {node!r}"]
    type_name = node.get("@type")
    if type_name not in PARENT:
        return [f"{path}: unknown @type {type_name!r}"]
    found, allowed = [], _allowed(type_name)
    found += [
        f"{path}: {type_name} needs {name}"
        for name in REQUIRED.get(type_name, ())
        if name not in node
    ]
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in allowed:
            found.append(f"{path}.{name}: not a property of {type_name}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{name}[{index}]" if isinstance(value, list) else f"{path}.{name}"
            if not _fits(item, allowed[name]):
                found.append(f"{where}: {item!r} is not a {' or '.join(allowed[name])}")
            elif isinstance(item, dict):
                found += problems(item, where)
    return found

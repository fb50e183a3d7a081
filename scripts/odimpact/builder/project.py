"""One MkDocs project per language, made from mkdocs.yml: the site's shared settings, with the
language's own name, description, copyright, theme language, navigation (odimpact.urls.NAV, its
titles in the language) and URL prefix.

Each language is its own project (its pages, its navigation, its 404 page, its sitemap), as
MkDocs and its successors build one language per project; the two are put side by side after.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from odimpact.languages import BY_CODE, language
from odimpact.publication.strings import text
from odimpact.urls import NAV, NavEntry

CONFIG_FILE = "mkdocs.yml"
TREE = "docs"  # the language's generated tree (odimpact.publication.trees), the project's docs_dir


def read_settings(base: Path) -> dict[str, Any]:
    return yaml.safe_load(base.read_text(encoding="utf-8"))


def navigation(lang: str, entries: tuple[NavEntry, ...] = NAV) -> list[dict[str, Any]]:
    """The site's sections (odimpact.urls.NAV) as MkDocs' `nav`: titles in `lang`, paths under the
    language's prefix."""
    prefix = language(lang).prefix
    return [
        {text(key, lang): prefix + target if isinstance(target, str) else navigation(lang, target)}
        for key, target in entries
    ]


def language_settings(
    base: Path, lang: str, shortcuts: bool = True, cases_dir: Path | None = None
) -> dict[str, Any]:
    """mkdocs.yml made into the settings of one language's project (paths made absolute)."""
    settings = read_settings(base)
    record, root = language(lang), base.parent.resolve()
    site_url = settings.get("site_url") or ""
    settings.update(
        site_name=text("site_name", lang),
        site_description=text("site_description", lang),
        copyright=text("site_copyright", lang),
        docs_dir=TREE,
        not_in_nav="\n".join(
            f"/{record.prefix}{line.lstrip('/')}"
            for line in str(settings.get("not_in_nav", "")).split()
        ),
        nav=navigation(lang),
        plugins=[
            {
                "odimpact": {
                    "language": lang,
                    "shortcuts": shortcuts,
                    **(
                        {
                            "serve_from": {
                                "config": str(base.resolve()),
                                "cases": str(cases_dir.resolve()),
                            }
                        }
                        if cases_dir
                        else {}
                    ),
                }
            }
        ],
    )
    settings["markdown_extensions"] = markdown_extensions(
        settings.get("markdown_extensions", []), lang
    )
    settings["theme"] = {
        **settings["theme"],
        "language": lang,
        "custom_dir": str(root / settings["theme"]["custom_dir"]),
    }
    base_path = urlsplit(site_url).path.rstrip("/") + "/"
    # Material shows its language switcher when `extra.alternate` lists languages; the plugin
    # makes each page's entries point at that page in the other language.
    # `homepage`: the logo links to the language's home page, which is not its project's root.
    settings["extra"] = {
        **settings.get("extra", {}),
        "homepage": record.prefix,
        "alternate": [
            {"name": other.own_name, "link": base_path + other.prefix, "lang": other.code}
            for other in BY_CODE.values()
        ],
    }
    return settings


def markdown_extensions(extensions: list[Any], lang: str) -> list[Any]:
    """mkdocs.yml's Markdown extensions, with the title of the headings' permalinks in `lang`
    (the toc extension's own is English, on French pages too)."""
    title = {"permalink_title": text("permalink_title", lang)}
    return [
        {"toc": {**(entry["toc"] or {}), **title}}
        if isinstance(entry, dict) and "toc" in entry
        else {"toc": title}
        if entry == "toc"
        else entry
        for entry in extensions
    ]


def write_project(
    base: Path, lang: str, project_dir: Path, shortcuts: bool = True, cases_dir: Path | None = None
) -> tuple[Path, bool]:
    """Write the language's mkdocs.yml into project_dir (beside its tree); its path, and whether
    it changed. With `cases_dir`, the project can be served: the plugin regenerates it from
    there."""
    project_dir.mkdir(parents=True, exist_ok=True)
    path = project_dir / CONFIG_FILE
    text_ = yaml.safe_dump(
        language_settings(base, lang, shortcuts, cases_dir), allow_unicode=True, sort_keys=False
    )
    changed = not path.exists() or path.read_text(encoding="utf-8") != text_
    if changed:
        path.write_text(text_, encoding="utf-8")
    return path, changed

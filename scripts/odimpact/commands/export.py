"""`odimpact export`: write the knowledge base's open data (the files the site publishes under
data/ and fr/data/) into a folder, without building the site."""

from __future__ import annotations

import argparse
from pathlib import Path

from odimpact.command_line import CommandTexts
from odimpact.commands.options import add_cases_dir
from odimpact.corpus import load_corpus
from odimpact.languages import LANGUAGES, language
from odimpact.publication.exports import write_exports
from odimpact.publication.feeds import atom_feed
from odimpact.urls import SiteUrls, configured_site_url


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("export", lang)
    parser = subparsers.add_parser("export", **say.parser())
    parser.add_argument("out", type=Path, help=say.option("out"))
    parser.add_argument("--site-url", help=say.option("--site-url"))
    add_cases_dir(parser, say)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.cases_dir)
    urls = SiteUrls((args.site_url.rstrip("/") + "/") if args.site_url else configured_site_url())
    for lang in LANGUAGES:
        folder = args.out / language(lang).prefix
        for path in write_exports(corpus, lang, urls, folder / "data"):
            print(path.as_posix())
        feed = folder / "feed.xml"
        feed.write_text(atom_feed(corpus, lang, urls), encoding="utf-8")
        print(feed.as_posix())
    return 0

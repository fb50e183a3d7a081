"""The publication, renderer-neutral: the corpus turned into pages (case pages, lists, research
pages, the live parts of hand-written pages) as Markdown with front matter, and the files beside
them (exports, data package, feeds, charts, the findings report and its PDF), one tree per
language (trees.py). Nothing here imports MkDocs: odimpact.builder renders what this writes."""

"""The bilingual site: cases -> Markdown pages (generation, renderer-independent) and MkDocs hooks."""

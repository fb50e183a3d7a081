"""Features for researchers, generated from the corpus without MkDocs: open-data exports and their
Frictionless data package, the data dictionary, citations, Atom feeds, SVG charts and map, the
coverage matrix, the "datasets behind the impact" ranking and the Explore page.

Every generator here is a pure function of the corpus, the schema and the vocabularies; `build`
writes them all into a folder (the site hook, `odimpact export`, or a test's tmp dir).
"""

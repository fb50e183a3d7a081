"""Open Data Impact Canada: load, validate and publish bilingual open-data impact case studies."""

"""Sentences the research pages show readers, in English and French (glossary wording)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "explore_title": {"en": "Explore the cases", "fr": "Explorer les études de cas"},
    "explore_intro": {"en": "Filter the cases by sector, jurisdiction, impact and more; share the address of a filtered view; download the results as CSV or JSON.",
                      "fr": "Filtrez les études de cas par secteur, secteur de compétence, incidence et plus encore; partagez l'adresse d'une vue filtrée; téléchargez les résultats en CSV ou en JSON."},
    "explore_static": {"en": "Filtering needs JavaScript. Every case is listed below; you can also browse:",
                       "fr": "Le filtrage exige JavaScript. Toutes les études de cas sont énumérées ci-dessous; vous pouvez aussi parcourir :"},
    "overview_sectors": {"en": "Cases by sector", "fr": "Études de cas par secteur"},
    "overview_jurisdiction": {"en": "Cases by jurisdiction", "fr": "Études de cas par secteur de compétence"},
    "overview_impact_types": {"en": "Cases by impact type", "fr": "Études de cas par type d'incidences"},
    "overview_year": {"en": "Cases by year", "fr": "Études de cas par année"},
    "charts_title": {"en": "Visual overview", "fr": "Aperçu visuel"},
    "charts_intro": {"en": "Where and in which areas the knowledge base documents impact. Each chart is followed by the data behind it.",
                     "fr": "Où et dans quels domaines la base de connaissances documente des incidences. Chaque diagramme est suivi des données qui le sous-tendent."},
    "map_heading": {"en": "Map of cases by province and territory", "fr": "Carte des études de cas par province et territoire"},
    "map_intro": {"en": "Each square is a province or territory, placed roughly where it lies; the darker, the more cases. Select one to see its cases.",
                  "fr": "Chaque carré est une province ou un territoire, placé à peu près à sa position; plus il est foncé, plus il compte d'études de cas. Sélectionnez-en un pour voir ses études de cas."},
    "chart_sectors": {"en": "Cases by sector", "fr": "Études de cas par secteur"},
    "chart_year": {"en": "Cases by starting year", "fr": "Études de cas par année de début"},
    "chart_impact_types": {"en": "Cases by impact type", "fr": "Études de cas par type d'incidences"},
    "column_sectors": {"en": "Sector", "fr": "Secteur"},
    "column_year": {"en": "Year", "fr": "Année"},
    "column_jurisdiction": {"en": "Jurisdiction", "fr": "Secteur de compétence"},
    "chart_alt": {"en": "Bar chart; the table below gives its data.", "fr": "Diagramme à barres; le tableau qui suit en donne les données."},
    "column_impact_types": {"en": "Impact type", "fr": "Type d'incidences"},
    "coverage_title": {"en": "Coverage: jurisdictions and sectors", "fr": "Couverture : secteurs de compétence et secteurs"},
    "coverage_intro": {"en": "How many published cases each jurisdiction has in each sector. Empty cells are gaps: cases contributors can add.",
                       "fr": "Le nombre d'études de cas publiées pour chaque secteur de compétence dans chaque secteur. Les cellules vides sont des lacunes : des études de cas que les contributeurs peuvent ajouter."},
    "datasets_title": {"en": "Datasets behind the impact", "fr": "Les jeux de données derrière les incidences"},
    "datasets_intro": {"en": "Datasets and publishers ranked by the number of cases that use them: evidence of which datasets are of high value.",
                       "fr": "Jeux de données et diffuseurs classés selon le nombre d'études de cas qui les utilisent : des indices des jeux de données à valeur élevée."},
    "datasets_heading": {"en": "Datasets", "fr": "Jeux de données"},
    "publishers_heading": {"en": "Publishers", "fr": "Diffuseurs"},
    "dictionary_title": {"en": "Data dictionary", "fr": "Dictionnaire de données"},
}


def text(key: str, lang: str) -> str:
    """A reader-facing sentence in `lang`."""
    return STRINGS[key][lang]

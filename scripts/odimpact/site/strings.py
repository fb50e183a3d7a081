"""Every sentence the generated pages show readers, in English and French (glossary wording)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "site_name": {"en": "Open Data Impact Canada", "fr": "Incidences des données ouvertes au Canada"},
    "summary": {"en": "Summary", "fr": "Résumé"},
    "case_facts": {"en": "Case facts", "fr": "Faits saillants de l'étude de cas"},
    "jurisdiction": {"en": "Jurisdiction", "fr": "Secteur de compétence"},
    "place": {"en": "Place", "fr": "Lieu"},
    "government_level": {"en": "Level of government", "fr": "Ordre de gouvernement"},
    "sectors": {"en": "Sectors", "fr": "Secteurs"},
    "impact_types": {"en": "Impact types", "fr": "Types d'incidences"},
    "period": {"en": "Period", "fr": "Période"},
    "ongoing": {"en": "ongoing", "fr": "en cours"},
    "evidence": {"en": "Evidence strength", "fr": "Solidité des données probantes"},
    "impacts": {"en": "Quantified impacts", "fr": "Incidences chiffrées"},
    "measure": {"en": "Measure", "fr": "Mesure"},
    "value": {"en": "Value", "fr": "Valeur"},
    "year": {"en": "Year", "fr": "Année"},
    "source": {"en": "Source", "fr": "Source"},
    "datasets": {"en": "Datasets used", "fr": "Jeux de données utilisés"},
    "publisher": {"en": "Publisher", "fr": "Diffuseur"},
    "licence": {"en": "Licence", "fr": "Licence"},
    "organisations": {"en": "Organisations and their roles", "fr": "Organisations et leurs rôles"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "related": {"en": "Related cases", "fr": "Études de cas connexes"},
    "reviewed": {"en": "Last reviewed", "fr": "Dernière révision"},
    "edit": {"en": "Suggest a correction to this case (edit its file)", "fr": "Proposer une correction à cette étude de cas (modifier son fichier)"},
    "case_licence": {"en": "Text licence", "fr": "Licence du texte"},
    "awaiting": {
        "en": "This case has not been translated into English yet: it is shown in French.",
        "fr": "Cette étude de cas n'a pas encore été traduite en français : elle est affichée en anglais.",
    },
    "retired": {"en": "This case has been retired.", "fr": "Cette étude de cas a été retirée."},
    "case_count": {"en": "{count} cases", "fr": "{count} études de cas"},
    "case_count_one": {"en": "1 case", "fr": "1 étude de cas"},
    "page_of": {"en": "Page {page} of {pages}", "fr": "Page {page} sur {pages}"},
    "previous": {"en": "Previous page", "fr": "Page précédente"},
    "next": {"en": "Next page", "fr": "Page suivante"},
    "pagination": {"en": "Pages", "fr": "Pages"},
    "all_cases": {"en": "All cases", "fr": "Toutes les études de cas"},
    "all_cases_intro": {
        "en": "Every published case study, in alphabetical order.",
        "fr": "Toutes les études de cas publiées, par ordre alphabétique.",
    },
    "by_sector": {"en": "Cases by sector", "fr": "Études de cas par secteur"},
    "by_jurisdiction": {"en": "Cases by jurisdiction", "fr": "Études de cas par secteur de compétence"},
    "by_impact": {"en": "Cases by impact type", "fr": "Études de cas par type d'incidences"},
    "by_year": {"en": "Cases by year", "fr": "Études de cas par année"},
    "by_year_intro": {
        "en": "Cases listed under the year the reuse of the data began.",
        "fr": "Études de cas classées selon l'année où la réutilisation des données a commencé.",
    },
    "browse": {"en": "Browse", "fr": "Parcourir"},
    "no_cases": {"en": "No published case yet.", "fr": "Aucune étude de cas publiée pour l'instant."},
    "counts": {
        "en": "{cases} case studies from {jurisdictions} jurisdictions across {sectors} sectors.",
        "fr": "{cases} études de cas provenant de {jurisdictions} secteurs de compétence, dans {sectors} secteurs.",
    },
    "featured": {"en": "Featured cases", "fr": "Études de cas en vedette"},
    "term": {"en": "Term", "fr": "Terme"},
    "definition": {"en": "Definition", "fr": "Définition"},
    "field": {"en": "Field", "fr": "Champ"},
    "description": {"en": "Description", "fr": "Description"},
    "required": {"en": "Required", "fr": "Obligatoire"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "cite_as": {"en": "How to cite this case", "fr": "Comment citer cette étude de cas"},
    "other_language_text": {"en": "French", "fr": "anglais"},
    "backlog": {"en": "Translation backlog: {count} of these cases are not yet written in English; they are shown in French with a notice.",
                "fr": "Traductions en attente\u00a0: {count} de ces études de cas ne sont pas encore rédigées en français; elles sont affichées en anglais, avec un avis."},
    "backlog_none": {"en": "Every case is available in English and in French.",
                     "fr": "Toutes les études de cas sont offertes en français et en anglais."},
}


def text(key: str, lang: str, **values: object) -> str:
    """One reader-facing string in `lang`, with {placeholders} filled."""
    return STRINGS[key][lang].format(**values)


def case_count(count: int, lang: str, formatted: str) -> str:
    """'1 case' / '12 cases' with the number already formatted for `lang`."""
    return text("case_count_one", lang) if count == 1 else text("case_count", lang, count=formatted)

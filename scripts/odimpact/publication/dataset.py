"""The knowledge base's open data described for search engines and data catalogues: a schema.org
`Dataset` (JSON-LD) per language, with a `DataDownload` for each export file. Its name,
description and licence are the data package's (datapackage.py), so the two descriptions agree."""

from __future__ import annotations

import re
from typing import Any

from odimpact.corpus import Case
from odimpact.languages import language
from odimpact.publication.datapackage import LICENCE_URL, MEDIA_TYPES, package_title
from odimpact.publication.exports import EXPORT_FILES
from odimpact.publication.records import ONGOING
from odimpact.publication.strings import text
from odimpact.urls import SiteUrls

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _years(period: Any) -> tuple[int | None, int | str | None]:
    """A case's first year and last year (or ONGOING), None where the case gives none."""
    if not isinstance(period, dict):
        return None, None
    start, end = period.get("start"), period.get("end")
    return (start if isinstance(start, int) else None), (
        end if isinstance(end, int) or end == ONGOING else None
    )


def temporal_coverage(cases: list[Case]) -> str | None:
    """The years the cases' periods cover, as an ISO 8601 interval ("2001/2024"); open-ended
    ("2001/..") while a case's use is ongoing."""
    years = [_years(case.meta("en").get("period")) for case in cases]
    starts = [start for start, _ in years if start is not None]
    ends = [end for _, end in years if end is not None]
    if not starts:
        return None
    last = (
        ".."
        if ONGOING in ends
        else str(max([end for end in ends if isinstance(end, int)] + starts))
    )
    return f"{min(starts)}/{last}"


def last_review(cases: list[Case]) -> str | None:
    """The latest date a case was checked against its sources: when the data last changed in
    substance."""
    dates = [str(case.meta("en").get("reviewed")) for case in cases]
    return max((date for date in dates if DATE.fullmatch(date)), default=None)


def dataset_json_ld(cases: list[Case], lang: str, urls: SiteUrls, page_url: str) -> dict[str, Any]:
    """schema.org Dataset of the exports in `lang`: `cases` are the exported ones, `page_url` the
    language-relative address of the page that describes them."""
    home = {
        "@type": "Organization",
        "name": text("site_name", lang),
        "url": urls.absolute(lang, ""),
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": package_title(lang),
        "description": text("datapackage_description", lang),
        "url": urls.absolute(lang, page_url),
        "inLanguage": language(lang).tag,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": home,
        "publisher": home,
        "keywords": text("dataset_keywords", lang).split(", "),
        "spatialCoverage": {"@type": "Country", "name": "Canada"},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "encodingFormat": MEDIA_TYPES[name.rsplit(".", 1)[1]],
                "contentUrl": urls.data_file(lang, name),
            }
            for name in EXPORT_FILES
        ],
    }
    optional = {"dateModified": last_review(cases), "temporalCoverage": temporal_coverage(cases)}
    return data | {key: value for key, value in optional.items() if value}

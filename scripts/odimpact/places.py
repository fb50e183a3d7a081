"""Whose data, and where the effects were: the two views of place a case gives.

`jurisdiction` names the government whose data it is; `effects_in` lists the provinces and
territories its effects reached. When a case gives no `effects_in`, its effects are taken to be
in its own jurisdiction's territory (Canada as a whole for the federal government).
"""

from __future__ import annotations

from typing import Any


def places_of_effect(meta: dict[str, Any]) -> list[str]:
    """Jurisdiction codes of the places a case's effects reached."""
    effects = meta.get("effects_in")
    if isinstance(effects, list) and effects:
        return [str(code) for code in effects]
    jurisdiction = meta.get("jurisdiction")
    return [str(jurisdiction)] if jurisdiction else []

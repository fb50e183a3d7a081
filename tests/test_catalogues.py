"""The site's string catalogue (publication/strings.yml) holds exactly the strings the code asks
for: every key asked for exists, every key is asked for (no dead entries)."""
from __future__ import annotations

import re
from pathlib import Path

from odimpact.publication.strings import STRINGS

REPO = Path(__file__).resolve().parents[1]
SOURCES = [*(REPO / "scripts" / "odimpact").rglob("*.py"), *(REPO / "overrides").rglob("*.html")]
LITERAL = re.compile(r"""(?:\b|odimpact_)text\(\s*["']([a-z0-9_]+)["']""")
# Keys made at run time: text(f"chart_{facet}", ...) or text(f"{key}_title", ...).
DYNAMIC = re.compile(r"""\btext\(\s*f["']([a-z0-9_]*)\{[^}]*\}([a-z0-9_]*)["']""")


def _code() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def test_every_key_asked_for_exists() -> None:
    missing = sorted(set(LITERAL.findall(_code())) - set(STRINGS))
    assert not missing


def test_every_key_is_asked_for() -> None:
    code = _code()
    literal = set(LITERAL.findall(code))
    families = DYNAMIC.findall(code)
    quoted = set(re.findall(r"""["']([a-z0-9_]+)["']""", code))  # keys passed on to text() by a caller
    dead = [key for key in STRINGS if key not in literal and key not in quoted
            and not any(key.startswith(prefix) and key.endswith(suffix) and (prefix or suffix) for prefix, suffix in families)]
    assert not dead

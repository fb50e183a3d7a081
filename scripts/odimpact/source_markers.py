"""How a case body cites its sources: [s1], also run together as [s1][s2]."""

from __future__ import annotations

import re

# Not followed by "(" or ":" so Markdown links and link definitions are left alone.
CITATION = re.compile(r"\[(s[1-9][0-9]*)\](?![(:])")

"""Fill the unfinished entries of a .ts file from a JSON mapping {"中文原文": "English", ...}.

    .venv/bin/python tools/fill_translations.py mapping.json [resources/translations/xinye_desktop_en.ts]
    tools/update_translations.sh          # compile the .qm

Only entries still marked type="unfinished" are filled, so translations already reviewed in Qt
Linguist are never overwritten. Prints the sources it could not find in the mapping.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ENTRY = re.compile(r'(<source>)([^<]*)(</source>\s*(?:<comment>[^<]*</comment>\s*)?)'
                   r'<translation type="unfinished">[^<]*</translation>')


def fill(ts_text: str, mapping: dict[str, str]) -> tuple[str, list[str]]:
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        source = html.unescape(match.group(2))
        if source not in mapping:
            missing.append(source)
            return match.group(0)
        english = html.escape(mapping[source], quote=False)
        return f"{match.group(1)}{match.group(2)}{match.group(3)}<translation>{english}</translation>"

    return ENTRY.sub(replace, ts_text), missing


def main(mapping_file: str, ts_file: str = "resources/translations/xinye_desktop_en.ts") -> int:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = Path(ts_file)
    text, missing = fill(ts.read_text(encoding="utf-8"), mapping)
    ts.write_text(text, encoding="utf-8")
    for source in dict.fromkeys(missing):
        print("not in the mapping:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

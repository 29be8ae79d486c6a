"""Pre-seed a fresh LibreOffice user profile so a test office starts quiet and predictable.

LibreOffice reads `user/registrymodifications.xcu` at start, so settings written there before the first
start apply from the first document on, with no restart and no UNO configuration calls.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import List, Optional, Tuple
from xml.sax.saxutils import escape

#: ODF version code for "1.3" without LibreOffice's extensions (``loext:``); 3 = 1.3 extended (default).
ODF_STRICT_1_3 = 10

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
    ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
)

# (node path, property, value) in the form LibreOffice itself writes; types come from the schema.
Setting = Tuple[str, str, str]

# Everything that could open a dialog, an infobar or write behind the test's back.
_QUIET: List[Setting] = [
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
    ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"),
    ("/org.openoffice.Office.Common/Save/Document", "WarnAlienFormat", "false"),
    ("/org.openoffice.Office.Common/Save/Document", "AutoSave", "false"),
    ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "false"),
    ("/org.openoffice.Office.Recovery/RecoveryInfo", "Enabled", "false"),
    ("/org.openoffice.Office.Update/Update", "Enabled", "false"),
]


def registry_file(profile_dir: Path) -> Path:
    """Where LibreOffice keeps a profile's changed settings."""
    return profile_dir / "user" / "registrymodifications.xcu"


def product_version(soffice: str) -> Optional[str]:
    """The installation's "7.4"-style version, read from its main.xcd (no office start needed).

    Seeding it as the last version run stops the "what's new" infobar on a fresh profile's first start.
    """
    program = Path(os.path.realpath(soffice)).parent
    for xcd in (program.parent / "share" / "registry" / "main.xcd", program / "main.xcd"):
        try:
            text = xcd.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = re.search(r'oor:name="ooSetupVersion">\s*<value>([^<]+)</value>', text)
        if match:
            return match.group(1)
    return None


def settings(locale: Optional[str], strict_odf: bool, version: Optional[str]) -> List[Setting]:
    """The settings a test profile starts with."""
    items = list(_QUIET)
    if locale:
        # UILocale is the choice LibreOffice honours (Tools > Options > Language); it rewrites ooLocale
        # from it at every start, and falls back to the system language when that language pack is
        # missing. ooLocale is seeded too so the very first configuration reads agree.
        items.append(("/org.openoffice.Office.Linguistic/General", "UILocale", locale))
        items.append(("/org.openoffice.Setup/L10N", "ooLocale", locale))
        # The locale of dates and of new documents' text, as a user of that language has it.
        items.append(("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", locale))
        items.append(("/org.openoffice.Office.Linguistic/General", "DefaultLocale", locale))
    if strict_odf:
        items.append(("/org.openoffice.Office.Common/Save/ODF", "DefaultVersion", str(ODF_STRICT_1_3)))
    if version:
        items.append(("/org.openoffice.Setup/Product", "ooSetupLastVersion", version))
    return items


def seed(profile_dir: Path, items: List[Setting]) -> bool:
    """Write `items` into a profile that has no settings yet; never overwrite existing ones.

    Returns whether the file was written. Overwriting would wipe a real user's settings.
    """
    target = registry_file(profile_dir)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [_HEADER]
    for path, name, value in items:
        lines.append(
            f'<item oor:path="{_attr(path)}"><prop oor:name="{_attr(name)}" oor:op="fuse">'
            f"<value>{escape(value)}</value></prop></item>\n"
        )
    lines.append("</oor:items>\n")
    target.write_text("".join(lines), encoding="utf-8")
    return True


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})

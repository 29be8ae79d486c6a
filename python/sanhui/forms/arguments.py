"""Dispatch arguments as a whole: which names a command knows, which LibreOffice adds."""

from __future__ import annotations

from typing import Dict, Mapping, Sequence

from .errors import FormError

# Arguments LibreOffice itself adds to a dispatch (a menu click's KeyModifier, DispatchHelper's
# SynchronMode …): never the user's, never an error, and they do not make a click scripted.
SYSTEM_ARGUMENTS = frozenset({"SynchronMode", "KeyModifier", "Referer", "FrameName", "Origin"})


def check_names(args: Mapping[str, object], known: Sequence[str]) -> Dict[str, object]:
    """The user's arguments without LibreOffice's own; an unknown name is an error naming it."""
    out: Dict[str, object] = {}
    for name, value in args.items():
        if name in SYSTEM_ARGUMENTS:
            continue
        if name not in known:
            raise FormError(name, "unknown_argument", name=name, known="、".join(known))
        out[name] = value
    return out

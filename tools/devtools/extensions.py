"""Extension management through the office's own ExtensionManager, as `unopkg` would do it.

Used instead of `unopkg` because `unopkg` refuses to run as root without --shared (CI runs as root),
and because an extension installed into a running office is usable at once. These functions do the
UNO work only; `Office` runs them inside its bounded calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, List

from devtools.interaction import ApprovingEnvironment

_SINGLETON = "/singletons/com.sun.star.deployment.ExtensionManager"


def add(ctx: Any, oxt: Path) -> None:
    """Install (or replace) `oxt` in the user repository."""
    em = ctx.getValueByName(_SINGLETON)
    env = ApprovingEnvironment()
    try:
        package = em.addExtension(oxt.as_uri(), (), "user", em.createAbortChannel(), env)
    except Exception as exc:
        raise RuntimeError(f"installing {oxt.name} failed: {exc}") from exc
    if package is None:
        # An unmet dependency (such as a minimal version) is reported only to the handler.
        raise RuntimeError(f"LibreOffice declined to install {oxt.name} ({len(env.requests)} request(s))")


def remove(ctx: Any, identifier: str) -> None:
    """Remove a user extension; LookupError if it is not installed."""
    em = ctx.getValueByName(_SINGLETON)
    for package in _user_packages(em):
        if _identifier(package) == identifier:
            em.removeExtension(
                identifier, package.getName(), "user", em.createAbortChannel(), ApprovingEnvironment()
            )
            return
    raise LookupError(f"extension {identifier} is not installed")


def identifiers(ctx: Any) -> List[str]:
    """Identifiers of the extensions in the user repository."""
    return [_identifier(p) for p in _user_packages(ctx.getValueByName(_SINGLETON))]


def _user_packages(em: Any) -> List[Any]:
    found = em.getDeployedExtensions("user", em.createAbortChannel(), ApprovingEnvironment())
    return [p for p in found if p is not None]


def _identifier(package: Any) -> str:
    """An extension's identifier; LibreOffice derives one from the file name when none is declared."""
    ident = package.getIdentifier()
    return str(ident.Value) if ident.IsPresent else str(package.getName())

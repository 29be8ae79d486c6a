"""The extension's settings in LibreOffice's configuration (``extension/registry/Settings.xcs``):
the branch profile and the values the dialogs remember.

They live in the user's ``registrymodifications.xcu``, not in the extension, so they survive
restarts and updates. Every save is committed and flushed at once: an office that crashes later
in the session must not take the secretary's profile with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import uno
from com.sun.star.beans import PropertyValue

from ..model.profile import RECENT_FIELDS, BranchProfile, Recent, profile_from_settings, profile_to_settings
from ..plan_templates import TemplateStore

ROOT = "/org.sanhui.writer.Settings"
PROFILE = ROOT + "/Profile"
RECENT = ROOT + "/Recent"
TEMPLATES = ROOT + "/Templates"
# UNO types the schema declares: pyuno would send a tuple as []any and a small int as a byte.
_TYPES = {"MemberCount": "long", "Groups": "[]string", "Members": "[]string"}


def _provider(ctx: Any) -> Any:
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)


def _node(provider: Any, path: str, update: bool) -> Any:
    arg = PropertyValue()
    arg.Name, arg.Value = "nodepath", path
    service = "ConfigurationUpdateAccess" if update else "ConfigurationAccess"
    return provider.createInstanceWithArguments(f"com.sun.star.configuration.{service}", (arg,))


def _read(ctx: Any, path: str) -> Dict[str, object]:
    node = _node(_provider(ctx), path, update=False)
    try:
        return {name: node.getByName(name) for name in node.getElementNames()}
    finally:
        node.dispose()


def _write(ctx: Any, path: str, values: Dict[str, object]) -> None:
    """Set, commit and flush: all values land together or (on an error) none do."""
    provider = _provider(ctx)
    node = _node(provider, path, update=True)
    try:
        for name, value in values.items():
            typed = uno.Any(_TYPES[name], value) if name in _TYPES else value
            uno.invoke(node, "replaceByName", (name, typed))
        node.commitChanges()
    finally:
        node.dispose()
    provider.flush()  # write registrymodifications.xcu now, not at some later shutdown


def load_profile(ctx: Any) -> BranchProfile:
    """The saved branch profile (an empty one until the secretary fills the options page)."""
    return profile_from_settings(_read(ctx, PROFILE))


def save_profile(ctx: Any, profile: BranchProfile) -> None:
    """Store the whole profile, replacing the previous one."""
    _write(ctx, PROFILE, profile_to_settings(profile))


def load_recent(ctx: Any) -> Recent:
    """The values the dialogs used last."""
    stored = _read(ctx, RECENT)
    return Recent(**{name: _text(stored.get(name.capitalize())) for name in RECENT_FIELDS})


def save_recent(ctx: Any, **values: str) -> None:
    """Remember some of ``place``, ``attendees``, ``host``, ``recorder``, ``notes``; the rest
    keep what they had (TypeError on any other name, before anything is written)."""
    Recent().updated(**values)
    _write(ctx, RECENT, {name.capitalize(): str(value) for name, value in values.items()})


def templates_folder(ctx: Any) -> Path:
    """Where the branch's plan templates are kept: ``<profile>/user/sanhui/templates``, beside
    the log, so they travel with the profile and survive updates of the extension. Found from
    ``ctx``'s own profile each time, not from ``log_path``, which keeps the first office's path for
    the process (one office inside LibreOffice; several in a test run or a script over the bridge)."""
    subst = ctx.ServiceManager.createInstanceWithContext("com.sun.star.util.PathSubstitution", ctx)
    return Path(uno.fileUrlToSystemPath(subst.substituteVariables("$(user)", True))) / "sanhui" / "templates"


def template_store(ctx: Any) -> TemplateStore:
    """The branch's saved plan templates."""
    return TemplateStore(templates_folder(ctx))


def load_default_template(ctx: Any) -> str:
    """The template InsertPlan uses when none is named ("" = the built-in seed plan)."""
    return _text(_read(ctx, TEMPLATES).get("Default"))


def save_default_template(ctx: Any, name: str) -> None:
    """Make ``name`` ("" for the built-in plan) the one InsertPlan uses by default."""
    _write(ctx, TEMPLATES, {"Default": name})


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""

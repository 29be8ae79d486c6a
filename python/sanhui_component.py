"""The extension's UNO component file: registers the ``sanhui:`` protocol handler and the
Tools › Options page's event handler, nothing more.

LibreOffice loads this file as a loose module (relative imports fail here) and appends the
extension's ``pythonpath/`` to ``sys.path``, where the real package lives. An exception while
importing would vanish, so it is written to the profile's log (or, while the extension is
being registered and no profile can be asked, to the temporary folder) before it is re-raised.
"""

from __future__ import annotations

import unohelper

try:
    from sanhui.office.dispatch import IMPLEMENTATION, SERVICES, ProtocolHandler
    from sanhui.office.options_page import IMPLEMENTATION as OPTIONS_IMPLEMENTATION
    from sanhui.office.options_page import SERVICES as OPTIONS_SERVICES
    from sanhui.office.options_page import OptionsPageHandler
except Exception:  # pragma: no cover - only a broken installation gets here
    import os
    import tempfile
    import traceback

    _report = "import of the sanhui component failed:\n" + traceback.format_exc()
    try:
        import uno

        _ctx = uno.getComponentContext()
        _subst = _ctx.ServiceManager.createInstanceWithContext("com.sun.star.util.PathSubstitution", _ctx)
        _dir = os.path.join(uno.fileUrlToSystemPath(_subst.substituteVariables("$(user)", True)), "sanhui")
    except Exception:
        _dir = tempfile.gettempdir()
    os.makedirs(_dir, exist_ok=True)
    with open(os.path.join(_dir, "sanhui.log"), "a", encoding="utf-8") as _log:
        _log.write(_report)
    raise

g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(ProtocolHandler, IMPLEMENTATION, SERVICES)
g_ImplementationHelper.addImplementation(OptionsPageHandler, OPTIONS_IMPLEMENTATION, OPTIONS_SERVICES)

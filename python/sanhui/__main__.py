"""``python -m sanhui``: the command line (see sanhui.cli)."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())

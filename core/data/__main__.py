"""``python -m core.data``: see core.data.cli."""

import sys

from core.data.cli import main

sys.exit(main())

"""``python -m core.data ...``: manage the database from the command line (see core.invoer.opdracht)."""

import sys

from core.invoer.opdracht import main

sys.exit(main())

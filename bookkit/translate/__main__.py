"""python -m bookkit.translate: update the translations' catalogues and pages (``--check``: change nothing)."""

import sys

from .edition import main

sys.exit(main(sys.argv[1:]))

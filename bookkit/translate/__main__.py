"""python -m bookkit.translate: update the Indonesian catalogues and pages (``--check``: change nothing)."""

import sys

from .edition import main

sys.exit(main(sys.argv[1:]))

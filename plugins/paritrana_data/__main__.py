"""Entry point for `python -m paritrana_data`."""

import sys

from .cli import main

sys.exit(main())

"""Settings for the public site: absolute URLs and a clean output folder."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

if not os.environ.get("PARITRANA_SITEURL"):
    raise SystemExit("publishconf.py: set PARITRANA_SITEURL to the public address, e.g. https://<domain>")
SITEURL = os.environ["PARITRANA_SITEURL"].rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

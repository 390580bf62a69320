"""Settings for the public site: absolute URLs under PARITRANA_SITEURL and a clean output folder."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403
from paritrana_publish.siteurl import check_siteurl  # noqa: E402  (pelicanconf put plugins/ on the path)

# Missing or not an absolute http(s) address: a clear message and exit 2, before anything is built.
SITEURL = check_siteurl(os.environ.get("PARITRANA_SITEURL"))
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

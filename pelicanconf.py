"""Pelican settings for local builds (publishconf.py adds what the public site needs)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Our plugins import each other (the pages plugin uses the pure data layer).
sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Arsip Paritrana Award"
SITEURL = ""
PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"

PLUGIN_PATHS = [str(ROOT / "plugins")]
# Every plugin package (one per capability) that has a register(); the data layer has none.
PLUGINS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py")
                 if "def register(" in p.read_text(encoding="utf-8"))

PARITRANA_DATA_DIR = str(ROOT / "data")
PARITRANA_LANGUAGES = ("id", "en")

# Editorial pages only: no blog, so no articles, tags, authors or archives.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
DIRECT_TEMPLATES = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
PAGE_TRANSLATION_ID = "key"
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

STATIC_PATHS = []
THEME_STATIC_DIR = "theme"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Escape every value in every template: data may contain markup, and it must render as text.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
READERS = {"rst": None, "htm": None, "html": None}

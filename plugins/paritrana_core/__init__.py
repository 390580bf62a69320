"""The core every plugin stands on: one settings table, one URL builder and output-folder registry, one way
to write a page, one collector of written pages and one navigation registry (docs/PLUGINS.md)."""


def register():
    """Check every setting and output folder once at start-up; collect written pages; install navigation."""
    from .startup import connect

    connect()

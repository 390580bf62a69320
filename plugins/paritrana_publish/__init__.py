"""Publishing: the public address, host header files from the theme's one policy, the absolute-URL check.

Not a Pelican plugin (no register()): `invoke publish` and publishconf.py call it around the build.
"""

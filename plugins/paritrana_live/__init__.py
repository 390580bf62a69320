"""The edit loop behind `invoke livereload` (not a Pelican plugin: nothing to register)."""

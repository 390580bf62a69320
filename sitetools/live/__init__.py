"""The edit loop behind `invoke livereload`: a warm builder, a file watcher and a server that reloads browsers."""

"""Host configuration from the one policy: `_headers` (Netlify, Cloudflare Pages), nginx, Caddy and Apache."""

from __future__ import annotations

from pathlib import Path

from .policy import headers

# Files `invoke publish` writes into the output (the hosts read them from the published folder).
HOST_FILES = ("_headers", "_redirects")
TYPES = (("wasm", "application/wasm"), ("geojson", "application/geo+json"))


def netlify_headers() -> str:
    """`_headers` for Netlify and Cloudflare Pages: every header on every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers())


def netlify_redirects() -> str:
    """`_redirects` for Netlify: an unknown English address gets the English 404 page (a file that exists
    always wins). The root 404.html needs no rule; Cloudflare Pages finds the nearest 404.html itself and
    skips this rule (it takes no 404 status)."""
    return "/en/*  /en/404.html  404\n"


def nginx() -> str:
    """An nginx `server` block fragment (the site at the root of its host)."""
    lines = [f'add_header {name} "{value}" always;' for name, value in headers()]
    # `types` at server level would replace nginx's whole MIME table: set these two per location.
    lines += [f"location ~* \\.{ext}$ {{ types {{ }} default_type {mime}; }}" for ext, mime in TYPES]
    lines += ["gzip on;",
              "gzip_types text/css text/javascript application/javascript application/json "
              "application/geo+json image/svg+xml;",
              "error_page 404 /404.html;",
              "location /en/ { error_page 404 /en/404.html; }"]
    return "\n".join(lines) + "\n"


def caddy() -> str:
    """A Caddyfile site block (replace the address and the folder)."""
    head = "".join(f'\t\t{name} "{value}"\n' for name, value in headers())
    return ("example.org {\n"
            "\troot * /srv/paritrana/output\n"
            "\tencode zstd gzip\n"
            "\theader {\n" + head + "\t}\n"
            "\thandle_errors {\n"
            "\t\t@en path /en/*\n"
            "\t\trewrite @en /en/404.html\n"
            "\t\trewrite * /404.html\n"
            "\t\tfile_server\n"
            "\t}\n"
            "\tfile_server\n"
            "}\n")


def apache() -> str:
    """`.htaccess` or virtual-host lines (needs mod_headers)."""
    lines = [f'Header always set {name} "{value}"' for name, value in headers()]
    lines += [f"AddType {mime} .{ext}" for ext, mime in TYPES]
    lines += ["ErrorDocument 404 /404.html"]
    return "\n".join(lines) + "\n"


SNIPPETS = {"headers": netlify_headers, "redirects": netlify_redirects, "nginx": nginx, "caddy": caddy,
            "apache": apache}


def write_host_files(output: Path) -> list[Path]:
    """Write `_headers` and `_redirects` into a built site (Netlify and Cloudflare Pages read them)."""
    written = []
    for name, text in (("_headers", netlify_headers()), ("_redirects", netlify_redirects())):
        target = Path(output) / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def doc_block(name: str) -> str:
    """The fenced block a doc carries between <!-- host-NAME:start --> and <!-- host-NAME:end -->."""
    language = {"headers": "", "redirects": "", "nginx": "nginx", "caddy": "caddyfile", "apache": "apache"}[name]
    return f"```{language}\n{SNIPPETS[name]()}```"

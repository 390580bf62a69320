"""Security gates on the built site: a strict Content-Security-Policy on every page, nothing it would
block (inline scripts, inline event handlers, inline styles), no script URLs, and the same policy
documented as HTTP headers for the publish targets in docs/SECURITY.md."""

from __future__ import annotations

import re

import pytest

from quality_support import ROOT, xml_script_problems
from site_build import built_site  # noqa: F401

TEMPLATE = ROOT / "theme" / "templates" / "_head_security.html"
DOC = ROOT / "docs" / "SECURITY.md"
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "application/geo+json"}
URL_ATTRS = ("href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset")


def policy_of(text: str) -> dict[str, list[str]]:
    """'default-src 'self'; img-src 'self' data:' -> {'default-src': ["'self'"], 'img-src': [...]}."""
    found = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            found[words[0].lower()] = words[1:]
    return found


def template_policy() -> dict[str, list[str]]:
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', TEMPLATE.read_text(encoding="utf-8"))
    assert match, f"{TEMPLATE.relative_to(ROOT)} has no CSP meta tag"
    return policy_of(match.group(1))


def test_the_policy_is_strict():
    policy = template_policy()
    assert policy["default-src"] == ["'self'"]
    scripts = policy.get("script-src", policy["default-src"])
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:", "blob:"} & set(scripts), scripts
    assert policy.get("object-src") == ["'none'"] and policy.get("base-uri") == ["'self'"]
    for directive, sources in policy.items():
        assert not [s for s in sources if s.startswith(("http", "*")) or "." in s.strip("'")], \
            f"{directive} allows another host: {sources}"
    assert "frame-ancestors" not in policy, "frame-ancestors is ignored in a meta tag: set it as a header"


def test_every_page_has_the_policy_first(built_site):  # noqa: F811
    expected = template_policy()
    problems = []
    for url in sorted(built_site.pages):
        page = built_site.pages[url]
        metas = [m for m in page.find_all("meta") if m.attrs.get("http-equiv", "").lower() == "content-security-policy"]
        if len(metas) != 1:
            problems.append(f"{url}: {len(metas)} CSP meta tags")
            continue
        if metas[0].parent is None or metas[0].parent.tag != "head":
            problems.append(f"{url}: the CSP meta is not in <head>")
        if policy_of(metas[0].attrs.get("content", "")) != expected:
            problems.append(f"{url}: CSP differs from {TEMPLATE.name}: {metas[0].attrs.get('content')}")
        head = metas[0].parent
        if head is not None:
            order = [el for el in head.iter() if el.tag in ("script", "meta") and el is not head]
            before = [el.tag for el in order[: order.index(metas[0])] if el.tag == "script"]
            if before:
                problems.append(f"{url}: a <script> comes before the CSP meta, so the policy does not cover it")
    assert not problems, "\n".join(problems[:40])


def _markup_problems(url: str, root) -> list[str]:
    problems = []
    for el in root.iter():
        handlers = sorted(a for a in el.attrs if a.lower().startswith("on"))
        if handlers:
            problems.append(f"{url}: <{el.tag}> inline event handler {handlers} (CSP blocks it; use a script file)")
        if "style" in el.attrs:
            problems.append(f"{url}: <{el.tag} style=\"{el.attrs['style'][:60]}\"> (CSP style-src 'self' blocks "
                            "inline styles; use a class in a stylesheet)")
        if el.tag == "style":
            problems.append(f"{url}: <style> element (CSP blocks it; move it to a .css file)")
        if el.tag == "script" and not el.attrs.get("src"):
            kind = el.attrs.get("type", "").lower()
            if kind not in DATA_SCRIPT_TYPES:
                problems.append(f"{url}: inline <script{' type=' + kind if kind else ''}> (CSP blocks it; "
                                "use <script src>)")
            elif "</" in el.text():
                problems.append(f"{url}: a data <script> contains '</' (escape it, e.g. tojson)")
        for attr in URL_ATTRS:
            value = el.attrs.get(attr, "").strip().lower()
            if value.startswith(("javascript:", "vbscript:", "data:text/html")):
                problems.append(f"{url}: <{el.tag} {attr}={el.attrs[attr][:60]!r}>")
    return problems


def test_no_inline_scripts_handlers_styles_or_script_urls(built_site):  # noqa: F811
    problems = []
    for url in sorted(built_site.pages):
        problems += _markup_problems(url, built_site.pages[url].root)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_svg_files_carry_no_script(built_site):  # noqa: F811
    problems = []
    for file in sorted(built_site.root.rglob("*.svg")):
        problems += xml_script_problems(file, file.relative_to(built_site.root).as_posix())
    assert not problems, "\n".join(problems[:40])


def test_external_links_do_not_leak_the_opener(built_site):  # noqa: F811
    """Links that open a new window say rel=noopener (no reverse tabnabbing)."""
    problems = []
    for url in sorted(built_site.pages):
        for a in built_site.pages[url].find_all("a"):
            if a.attrs.get("target") == "_blank" and "noopener" not in a.attrs.get("rel", "").split() \
                    and "noreferrer" not in a.attrs.get("rel", "").split():
                problems.append(f"{url}: {a.attrs.get('href')}")
    assert not problems, "target=_blank without rel=noopener:\n" + "\n".join(problems[:20])


def test_security_doc_has_the_same_policy_for_each_publish_target():
    """docs/SECURITY.md: the meta policy as a header for Netlify (_headers), nginx and Apache, plus the
    directives a meta tag cannot carry."""
    assert DOC.exists(), "docs/SECURITY.md is missing"
    text = DOC.read_text(encoding="utf-8")
    meta = template_policy()
    headers = re.findall(r"Content-Security-Policy:?\s*\"?([^\"\n]*default-src[^\"\n]*)", text)
    assert len(headers) >= 3, "expected the policy in the Netlify, nginx and Apache snippets"
    for header in headers:
        policy = policy_of(header)
        for directive, sources in meta.items():
            assert policy.get(directive) == sources, f"{directive} differs in: {header}"
        assert policy.get("frame-ancestors") == ["'none'"], f"frame-ancestors 'none' missing in: {header}"
    for needed in ("_headers", "nginx", "Apache", "X-Content-Type-Options", "Referrer-Policy",
                   "Strict-Transport-Security"):
        assert needed in text, f"docs/SECURITY.md does not mention {needed}"


@pytest.mark.parametrize("snippet,problem", [
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<img src="a.png" alt="" onerror="x()">', "inline event handler"),
    ('<p style="color:red">x</p>', "inline styles"),
    ("<script>alert(1)</script>", "inline <script>"),
])
def test_the_markup_check_catches(snippet, problem):
    from site_build import _TreeBuilder

    builder = _TreeBuilder()
    builder.feed(snippet)
    assert any(problem in p for p in _markup_problems("/t/", builder.root))

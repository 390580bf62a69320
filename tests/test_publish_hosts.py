"""Host configuration from one policy, and the GitHub Pages workflow.

- `_headers` (as `invoke publish` writes it) parses to the theme's meta policy plus
  frame-ancestors 'none' and the other headers; the nginx, Caddy and Apache snippets carry the same;
- the snippets in docs/DEPLOY.md and docs/SECURITY.md are exactly what `invoke host-docs` writes;
- .github/workflows/pages.yml is valid YAML, runs the README's test command, then `invoke publish` with
  the Pages address, keeps .cache/ between runs and deploys with the official Pages actions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from paritrana_publish import hostfiles, policy

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def directives(text: str) -> dict[str, list[str]]:
    """'default-src 'self'; img-src 'self' data:' -> {'default-src': ["'self'"], ...}."""
    return {part.split()[0].lower(): part.split()[1:] for part in text.split(";") if part.split()}


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """Netlify/Cloudflare `_headers`: path lines, then indented `Name: value` lines."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        name, sep, value = line.strip().partition(":")
        assert current is not None and sep and name and value.strip(), f"line {number} is not 'Name: value': {line!r}"
        assert name not in current, f"line {number}: {name} twice"
        current[name] = value.strip()
    return rules


def meta_directives() -> dict[str, list[str]]:
    source = (ROOT / "theme" / "templates" / "_head_security.html").read_text(encoding="utf-8")
    return directives(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', source).group(1))


def test_headers_file_equals_the_policy_plus_frame_ancestors(tmp_path):
    written = hostfiles.write_host_files(tmp_path)
    assert [p.name for p in written] == ["_headers", "_redirects"]
    rules = parse_headers_file((tmp_path / "_headers").read_text(encoding="utf-8"))
    assert list(rules) == ["/*"]
    sent = rules["/*"]
    assert directives(sent["Content-Security-Policy"]) == {**meta_directives(), "frame-ancestors": ["'none'"]}
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["X-Frame-Options"] == "DENY"
    assert sent["Strict-Transport-Security"].startswith("max-age=")
    assert set(sent) == {"Content-Security-Policy", *(name for name, _ in policy.OTHER_HEADERS)}


def test_english_addresses_get_the_english_404_page_on_netlify(tmp_path):
    hostfiles.write_host_files(tmp_path)
    rules = [line.split() for line in (tmp_path / "_redirects").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert rules == [["/en/*", "/en/404.html", "404"]]
    assert "404" in (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")


def test_the_policy_is_read_from_the_theme_not_copied(tmp_path):
    template = tmp_path / "_head_security.html"
    template.write_text('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\'">',
                        encoding="utf-8")
    assert policy.header_policy(template) == "default-src 'none'; img-src 'self'; frame-ancestors 'none'"
    template.write_text("<meta name=referrer>", encoding="utf-8")
    with pytest.raises(SystemExit, match="no Content-Security-Policy"):
        policy.meta_policy(template)


@pytest.mark.parametrize("name,pattern", [
    ("nginx", r'add_header Content-Security-Policy "([^"]+)" always;'),
    ("caddy", r'\n\t\tContent-Security-Policy "([^"]+)"\n'),
    ("apache", r'Header always set Content-Security-Policy "([^"]+)"'),
])
def test_server_snippets_send_the_same_policy(name, pattern):
    text = hostfiles.SNIPPETS[name]()
    found = re.findall(pattern, text)
    assert len(found) == 1, text
    assert directives(found[0]) == {**meta_directives(), "frame-ancestors": ["'none'"]}
    for header, value in policy.OTHER_HEADERS:
        assert f'{header} "{value}"' in text
    assert text.count("{") == text.count("}")


@pytest.mark.parametrize("doc,names", [("docs/DEPLOY.md", ("headers", "nginx", "caddy", "apache")),
                                       ("docs/SECURITY.md", ("headers", "nginx", "apache"))])
def test_docs_carry_the_generated_snippets(doc, names):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for name in names:
        block = re.search(rf"<!-- host-{name}:start -->\n(.*?)\n<!-- host-{name}:end -->", text, re.S)
        assert block, f"{doc}: no host-{name} block"
        assert block.group(1) == hostfiles.doc_block(name), f"{doc}: host-{name} differs: run `invoke host-docs`"


def test_the_security_doc_lists_the_headers_that_are_sent():
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    for name, value in policy.OTHER_HEADERS:
        assert f"| `{name}` | `{value}` |" in text, f"docs/SECURITY.md: {name} differs from policy.py"


# --- the workflow ------------------------------------------------------------------------------------

def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^(python3 dev\.py test)\b", readme, re.M)
    assert found, "README.md has no test command"
    return found.group(1)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_the_workflow_tests_publishes_and_deploys():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "main" in triggers["push"]["branches"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [s.get("run", "") for s in steps(build)]
    uses = [s.get("uses", "").split("@")[0] for s in steps(build)]
    test_at = runs.index(readme_test_command())
    publish_at = next(i for i, run in enumerate(runs) if re.fullmatch(r"\.venv/bin/invoke publish", run.strip()))
    assert test_at < publish_at, "the tests must run before the publish build"
    pages_step = next(s for s in steps(build) if s.get("uses", "").startswith("actions/configure-pages@"))
    address = f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}"
    assert steps(build)[publish_at]["env"]["PARITRANA_SITEURL"] == address
    cache = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache" and cache["with"].get("restore-keys")
    assert uses.index("actions/cache") < test_at, "the cache must be restored before the builds"
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "output" and uses.index("actions/upload-pages-artifact") > publish_at
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    for job in (build, deploy):
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), f"not an official action: {step['uses']}"

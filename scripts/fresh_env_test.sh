#!/usr/bin/env bash
# The whole test suite as a new user on a new machine runs it: a fresh clone of the current commit, a
# fresh HOME (no pip, npm or browser caches; .venv/ and node_modules/ installed from scratch by the
# README's test command) and no system font visible to any program of the run. The browsers the tests
# start see only the pinned Public Sans files (tests/conftest.py writes that fontconfig); everything
# else gets a fontconfig with no font at all.
#
#   bash scripts/fresh_env_test.sh                 # python3 dev.py test, as the README says
#   CI=true bash scripts/fresh_env_test.sh         # a missing tool fails instead of skipping
#   bash scripts/fresh_env_test.sh -k publish      # arguments go to `invoke test`
#   KEEP=1 bash scripts/fresh_env_test.sh          # keep the clone and its HOME afterwards
set -euo pipefail
source_repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$source_repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/paritrana-fresh-XXXXXX")"
cleanup() { if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept: $work"; fi; }
trap cleanup EXIT

git clone --quiet --no-hardlinks "$source_repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$commit"
mkdir "$work/home"
cat > "$work/no-fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>$work/fontconfig-cache</cachedir></fontconfig>
CONF
echo "Fresh clone of $commit in $work/clone, HOME=$work/home, no system fonts"
cd "$work/clone"
start=$(date +%s)
status=0
env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/home" LANG=C.UTF-8 \
    TMPDIR="$work" CI="${CI:-}" FONTCONFIG_FILE="$work/no-fonts.conf" \
    python3 dev.py test "$@" || status=$?
echo "Fresh-environment run of $commit: exit $status in $(( $(date +%s) - start )) s"
exit $status

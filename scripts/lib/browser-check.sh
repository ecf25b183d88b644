#!/usr/bin/env bash
# Browser check of the HTML conflict report: renders it for Corpus/ (or the inputs given),
# loads it in headless Chromium, checks the DOM after the page's script ran (the facts, the
# findings, the highlighted figures, the filters) and saves screenshots under .build/ for
# people to look at. Installs Debian's chromium with apt-get when it is missing; where it
# cannot be installed the check is SKIPPED with a loud message, never passed silently.
#   scripts/lib/browser-check.sh .build/debug/concord [INPUT...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="${1:?usage: browser-check.sh CONCORD_BINARY [INPUT...]}"
shift
if [ $# -eq 0 ]; then
    # From the repository root, so the report names sources as Corpus/NAME.txt.
    cd "$root"
    set -- Corpus
fi

skip() {
    {
        echo "################################################################"
        echo "##  SKIPPED: browser check of the HTML report                 ##"
        echo "##  $1"
        echo "################################################################"
    } >&2
    exit 0
}

find_chromium() {
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

if ! chromium="$(find_chromium)"; then
    echo "browser check: installing Debian's chromium (headless browser) ..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else skip "chromium is missing and cannot be installed (not root, no sudo)"; fi
    fi
    command -v apt-get >/dev/null 2>&1 || skip "chromium is missing and apt-get is not available"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 || true
    $sudo apt-get install -y -qq --no-install-recommends chromium >&2 || skip "apt-get could not install chromium"
    chromium="$(find_chromium)" || skip "chromium was installed but is not on PATH"
fi

out="$root/.build/browser-check"
mkdir -p "$out"
report="$out/report.html"
"$binary" conflicts "$@" --format html --output "$report" 2>"$out/concord.log" || {
    cat "$out/concord.log" >&2
    echo "browser check: FAILED: concord conflicts could not render the report" >&2
    exit 1
}

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
browse() {
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
        --user-data-dir="$profile" --virtual-time-budget=3000 "$@" 2>>"$out/chromium.log"
}

dom="$(browse --dump-dom "file://$report")"
filtered="$(browse --dump-dom "file://$report#status=conflict")"
failures=0
expect() { # expect DESCRIPTION FIXED-STRING [DOM]
    local haystack="${3:-$dom}"
    if grep -qF -- "$2" <<<"$haystack"; then echo "  ok    $1"; else echo "  FAIL  $1: no '$2' in the DOM"; failures=$((failures + 1)); fi
}

echo "browser check: $report"
expect "summary table" 'id="summary"'
expect "the investment fact" 'Microsoft · investment · Mistral AI</h2>'
expect "it is a conflict" '<section class="fact conflict"'
expect "conversion finding" 'data-kind="consistent-after-conversion"'
expect "rounding finding" 'data-kind="rounding"'
expect "discrepancy finding" 'data-kind="discrepancy"'
expect "the stated rate" '1 EUR = 1.0867 USD'
expect "€15 million highlighted" '<mark>€15 million</mark>'
expect "\$16.3 million highlighted" '<mark>$16.3 million</mark>'
expect "6 million highlighted" '<mark>6 million</mark>'
expect "its source and line" 'Corpus/003_791e63e7b74a6ca2.txt:9'
expect "the script ran (filter count)" 'facts shown</output>'
consistent_sections="$(grep -o '<section class="fact consistent"[^>]*>' <<<"$filtered" || true)"
if [ -n "$consistent_sections" ] && grep -qv 'hidden=""' <<<"$consistent_sections"; then
    echo "  FAIL  filter #status=conflict leaves a consistent fact visible"; failures=$((failures + 1))
else
    echo "  ok    filter #status=conflict hides consistent facts"
fi

browse --window-size=1200,2400 --screenshot="$out/report.png" "file://$report" >/dev/null
browse --window-size=390,2400 --screenshot="$out/report-phone.png" "file://$report" >/dev/null
for shot in report.png report-phone.png; do
    if [ -s "$out/$shot" ]; then echo "  ok    screenshot .build/browser-check/$shot"; else echo "  FAIL  no screenshot $shot"; failures=$((failures + 1)); fi
done

if [ "$failures" -gt 0 ]; then
    echo "browser check: FAILED ($failures)" >&2
    exit 1
fi
echo "browser check: passed"

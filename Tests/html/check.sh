#!/usr/bin/env bash
# The HTML report in a real headless Chromium: it renders without console errors, every section
# link (#anchor) names an element of the page, and at the printable width of A4 (210 mm less 10 mm
# margins each side, 718 CSS px) no table is wider than the page. The page is also printed to PDF
# and its text checked for every section heading. Called by .ci/run after `swift test`; outside CI
# without chromium it says so and skips.
set -euo pipefail
cd "$(dirname "$0")/../.."

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  if [ -n "${CI:-}" ]; then echo "Tests/html/check.sh: chromium is missing (.ci/run installs it)" >&2; exit 1; fi
  echo "Tests/html/check.sh: skipped, no chromium on this machine (.ci/run installs Debian's chromium package)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product muscle >/dev/null
muscle="$(swift build --show-bin-path)/muscle"
db="$work/muscle.sqlite"
now=2026-12-01T10:00:00Z
# Some history: a first session with misses, so every section has rows.
printf '0\n5\n\n3\n\n1\n5\n4\n\n2\n5\n5\nq\n' | "$muscle" study --db "$db" --now "$now" --new 8 >/dev/null
"$muscle" report --db "$db" --now 2026-12-03T10:00:00Z --exam 2027-01-15 --format html --output "$work/report.html"

fail=0
# Every href="#x" has an id="x".
python3 - "$work/report.html" <<'PY' || fail=1
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
ids = set(re.findall(r'\bid="([^"]+)"', html))
links = re.findall(r'href="#([^"]*)"', html)
missing = [l for l in links if l not in ids]
if missing:
    print("section links that resolve to nothing:", missing); sys.exit(1)
print(f"{len(links)} section links, all resolve")
PY

# The page with a check appended: the body at A4's printable width, every table within it.
python3 - "$work/report.html" "$work/check.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
window.addEventListener('load', () => {
  document.body.style.width = '718px'; document.body.style.maxWidth = '718px'; document.body.style.margin = '0';
  const wide = [...document.querySelectorAll('table, svg, figure, section')]
    .filter(e => e.getBoundingClientRect().right > 718.5 || e.scrollWidth > Math.max(e.clientWidth, 718))
    .map(e => e.tagName + (e.id ? '#' + e.id : ''));
  const out = document.createElement('pre'); out.id = 'a4-check';
  out.textContent = wide.length ? 'A4-CLIPPED ' + wide.join(' ') : 'A4-FITS';
  document.body.appendChild(out);
});
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
PY
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage --user-data-dir="$work/profile")
"$chrome" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom "file://$work/check.html" \
  >"$work/dom.html" 2>"$work/console.log" || { echo "chromium failed:"; cat "$work/console.log"; exit 1; }
if grep -E 'CONSOLE|Uncaught' "$work/console.log" | grep -v 'a4-check' ; then echo "console messages while rendering the report"; fail=1; fi
if grep -q 'A4-FITS' "$work/dom.html"; then echo "every table fits A4's printable width"
else echo "too wide for A4: $(grep -o 'A4-CLIPPED[^<]*' "$work/dom.html" || echo 'the check did not run')"; fail=1; fi

"$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>/dev/null || true
if [ -s "$work/report.pdf" ] && command -v pdftotext >/dev/null; then
  pdftotext -layout "$work/report.pdf" "$work/report.txt"
  for heading in $(grep -o '<h2[^>]*>[^<]*' "$work/report.html" | sed 's/<h2[^>]*>//' | tr ' ' '_'); do
    grep -q "$(echo "$heading" | tr '_' ' ')" "$work/report.txt" || { echo "the PDF lacks the section '$heading'"; fail=1; }
  done
  echo "printed to PDF: $(grep -c . "$work/report.txt") lines of text"
elif [ ! -s "$work/report.pdf" ]; then
  echo "chromium printed no PDF"; fail=1
fi
exit $fail

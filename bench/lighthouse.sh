#!/usr/bin/env bash
# Lighthouse's mobile performance audit (simulated slow 4G and a mid-range phone) of the
# main pages of a running Agora server that serves its built bundle:
#
#   bench/lighthouse.sh http://127.0.0.1:PORT [/path ...]
#
# Installs Lighthouse from npm into target/lighthouse on first use and drives Debian's
# Chromium. Prints, per page, the performance score and the largest contentful paint
# against the targets (>= 95, <= 2.5 s); the reports go to bench/results/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BASE=${1:?usage: bench/lighthouse.sh BASE_URL [PATH...]}
shift
PAGES=("$@")
if [ ${#PAGES[@]} -eq 0 ]; then
    idea=$(curl -fsS "$BASE/ideas?sort=most_votes" | grep -o 'href="/ideas/[0-9][^"]*"' | head -1 | cut -d'"' -f2)
    PAGES=(/ /ideas "$idea" /projects /dashboard)
fi
VERSION=12.8.2
TOOL=$ROOT/target/lighthouse
if [ ! -x "$TOOL/node_modules/.bin/lighthouse" ] ||
    ! grep -q "\"version\": \"$VERSION\"" "$TOOL/node_modules/lighthouse/package.json"; then
    echo "installing lighthouse $VERSION into $TOOL" >&2
    mkdir -p "$TOOL"
    npm install --prefix "$TOOL" --no-audit --no-fund --silent "lighthouse@$VERSION" >&2
fi
OUT=$ROOT/bench/results/lighthouse
mkdir -p "$OUT"
echo
echo "Lighthouse $VERSION, mobile (performance score, largest contentful paint):"
for page in "${PAGES[@]}"; do
    name=$(echo "$page" | tr -c 'A-Za-z0-9\n' '_' | cut -c1-40)
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$TOOL/node_modules/.bin/lighthouse" "$BASE$page" \
        --quiet --only-categories=performance --output=json --output-path="$OUT/$name.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || {
        echo "  MISS $page: lighthouse failed"
        continue
    }
    node -e '
        const r = require(process.argv[1]);
        const score = Math.round(r.categories.performance.score * 100);
        const lcp = r.audits["largest-contentful-paint"].numericValue / 1000;
        const bytes = r.audits["total-byte-weight"].numericValue / 1024;
        const ok = score >= 95 && lcp <= 2.5 ? "ok  " : "MISS";
        console.log(`  ${ok} ${process.argv[2]}: performance ${score} (target >= 95), LCP ${lcp.toFixed(2)} s (target <= 2.5 s), ${bytes.toFixed(0)} KB transferred`);
    ' "$OUT/$name.json" "$page"
done

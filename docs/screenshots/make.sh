#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/: the bundled example handbook and a
# generated one of about 300 teams (benches/gen_handbook.py), each page at desktop
# (1280 × 900) and phone (390 × 844) size, in headless Chromium.
#
#   bash docs/screenshots/make.sh              # builds target/release/orgbook first
#   ORGBOOK_BIN=target/debug/orgbook bash docs/screenshots/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
if [ -z "${ORGBOOK_BIN:-}" ]; then
  cargo build --release --quiet
  ORGBOOK_BIN=target/release/orgbook
fi
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The bundled example (the repository root is a handbook) and a 300-team one.
mkdir -p "$TMP/small-src"
cp -r content orgbook.toml "$TMP/small-src/"
"$ORGBOOK_BIN" build --root "$TMP/small-src" --output "$TMP/small" >/dev/null
python3 benches/gen_handbook.py --pages 5000 --seed 1 -q "$TMP/big-src"
"$ORGBOOK_BIN" build --root "$TMP/big-src" --output "$TMP/big" >/dev/null

shot() { # name file width height
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$3,$4" \
    --screenshot="$OUT/$1.png" "file://$2" >/dev/null 2>&1
}

pages=(
  "home:$TMP/small/index.html"
  "team:$TMP/small/teams/payments.html"
  "decision:$TMP/small/decisions/0009-move-service-messaging-to-kafka.html"
  "handbook-page:$TMP/small/how-we-work/decisions.html"
  "orgmap:$TMP/small/orgmap.html"
  "orgmap-300-teams:$TMP/big/orgmap.html"
  "decisions:$TMP/small/decisions/index.html"
  "health:$TMP/small/health.html"
)
for entry in "${pages[@]}"; do
  name=${entry%%:*}
  file=${entry#*:}
  shot "$name-desktop" "$file" 1280 900
  shot "$name-phone" "$file" 390 844
done
echo "wrote $(ls "$OUT"/*.png | wc -l) screenshots to $OUT"

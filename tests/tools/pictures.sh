#!/usr/bin/env bash
# The README's pictures: pages of the Nijmegen-Heseveld example as the default (Typst) engine makes
# them, at 50 dpi, into examples/pictures/. Run after a change to how materials look.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export WELKOME_WIJK_TODAY=2026-09-01
node bin/welkome-wijk.js render all examples/nijmegen-heseveld.yaml --format pdf --out "$out" >/dev/null
node bin/welkome-wijk.js render results examples/nijmegen-heseveld.yaml --answers examples/antwoorden/nijmegen-heseveld --format pdf --out "$out" >/dev/null
dir="$out/nijmegen/heseveld"
pics=examples/pictures
# picture name, PDF, page
while read -r name pdf page; do
  pdftoppm -png -r 50 -f "$page" -l "$page" -singlefile "$dir/$pdf.pdf" "$pics/$name"
done <<'LIST'
uitnodiging-bewoners uitnodiging-bewoners 1
uitnodiging-bewoners-a5 uitnodiging-bewoners-a5 1
affiche-bewoners affiche-bewoners-a4 1
kaarten-gouden-regels kaarten-gouden-regels 1
kaarten-gouden-regels-achterkant kaarten-gouden-regels 2
kaarten-situaties kaarten-situaties-bewoners 1
programma-bewoners programma-bewoners 1
draaiboek-bewoners draaiboek-bewoners 2
evaluatie-bewoners evaluatie-bewoners 1
startbijeenkomst-agenda startbijeenkomst-agenda 1
seizoensoverzicht seizoensoverzicht 1
briefing-duo briefing-duo-bewoners 1
naambadges naambadges 1
resultaten resultaten 1
resultaten-bijeenkomst resultaten 3
resultaten-intern resultaten-intern-bewoners 1
LIST

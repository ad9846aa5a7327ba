#!/usr/bin/env bash
# How the vendored files here were fetched: from the npm registry with npm's own client, the built and
# minified files of the pinned releases, with their licenses. Re-run to update (change the versions).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent chart.js@4.6.1 cytoscape@3.34.4 >/dev/null && for t in *.tgz; do mkdir -p "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done)
cp "$tmp"/chart.js-4.6.1/package/dist/chart.umd.min.js chart.umd.min.js
cp "$tmp"/chart.js-4.6.1/package/LICENSE.md chart.js.LICENSE.md
cp "$tmp"/cytoscape-3.34.4/package/dist/cytoscape.min.js cytoscape.min.js
cp "$tmp"/cytoscape-3.34.4/package/LICENSE cytoscape.LICENSE
rm -rf "$tmp"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times the PDF export: the bundled sample (target < 0.5 s) and a generated
# disclosure of 10 000 projects (target < 20 s and < 300 MB peak memory).
#   tests/bench/bench-pdf.sh [N]   (GK_BUILDDIR chooses the build directory, default _build)
# Exit status 1 when a target is missed.
set -euo pipefail
GK_SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${GK_BUILDDIR:-$GK_SOURCE_DIR/_build}
n=${1:-10000}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$GK_SOURCE_DIR"
fi
meson compile -C "$builddir" tests/bench/bench-pdf tests/bench/bench-model >/dev/null

bench=$builddir/tests/bench/bench-pdf
sample=$GK_SOURCE_DIR/data/samples/urumqi-county-government-office-2020.gongkai
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
"$bench" --runs 5 --target-ms 500 "$sample" || status=1

# The model benchmark writes its generated disclosure: the full function
# catalog in 表二/表三/表五, N projects with seven indicators each.
"$builddir/tests/bench/bench-model" --runs 1 --edits 1 --keep "$work/projects-$n.gongkai" "$n" >/dev/null
"$bench" --runs 1 --target-ms 20000 --target-mb 300 "$work/projects-$n.gongkai" || status=1
exit $status

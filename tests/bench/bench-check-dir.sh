#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `gongkai --check-dir` on a folder of generated disclosures, as a
# bureau's folder is: mostly small ones, some of 100 projects, a few of
# 1 000. Prints documents per second (target ≥ 200 with 2 workers) and the
# peak memory of the command with its workers together.
#   tests/bench/bench-check-dir.sh [N_DOCUMENTS] [JOBS]   (default 1000 2;
#   GK_BUILDDIR chooses the build directory, default _build)
# Exit status 1 when the target is missed.
set -euo pipefail
GK_SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${GK_BUILDDIR:-$GK_SOURCE_DIR/_build}
n_documents=${1:-1000}
jobs=${2:-2}
target=200
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$GK_SOURCE_DIR"
fi
meson compile -C "$builddir" tests/bench/bench-model src/gongkai >/dev/null

gongkai=$builddir/src/gongkai
model=$builddir/tests/bench/bench-model
sample=$GK_SOURCE_DIR/data/samples/urumqi-county-government-office-2020.gongkai
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The model benchmark writes its generated disclosure: the full function
# catalog, N projects with seven indicators each.
"$model" --runs 1 --edits 1 --keep "$work/p100.gongkai" 100 >/dev/null
"$model" --runs 1 --edits 1 --keep "$work/p1000.gongkai" 1000 >/dev/null

# 1 % of 1 000 projects, 9 % of 100, the rest the bundled sample (a county
# office's nine tables, no project list), in subfolders by bureau.
mkdir -p "$work/in"
n_large=$(( n_documents / 100 ))
n_medium=$(( n_documents * 9 / 100 ))
for i in $(seq 1 "$n_documents"); do
  folder=$work/in/bureau-$(( i % 20 ))
  mkdir -p "$folder"
  if [ "$i" -le "$n_large" ]; then
    source=$work/p1000.gongkai
  elif [ "$i" -le $(( n_large + n_medium )) ]; then
    source=$work/p100.gongkai
  else
    source=$sample
  fi
  cp "$source" "$folder/unit-$i.gongkai"
done
bytes=$(du -sb "$work/in" | cut -f1)
printf 'folder: %d documents (%d of 1 000 projects, %d of 100), %.1f MB\n' \
  "$n_documents" "$n_large" "$n_medium" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"

# Peak memory of the command and its workers together: their resident
# sizes summed, sampled every 50 ms from /proc (sampling costs a little
# time, so the rate is taken from a run without it).
rss_kb () {
  local pid=$1 kb=0 key value unit child
  while read -r key value unit; do
    [ "$key" = VmRSS: ] && kb=$value
  done 2>/dev/null <"/proc/$pid/status" || true
  for child in $(cat "/proc/$pid/task/$pid/children" 2>/dev/null); do
    while read -r key value unit; do
      [ "$key" = VmRSS: ] && kb=$(( kb + value ))
    done 2>/dev/null <"/proc/$child/status" || true
  done
  echo "$kb"
}

measure () {
  local sample=$1 out=$2; shift 2
  local peak=0 kb pid
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$gongkai" "$@" >"$out" &
  pid=$!
  while [ "$sample" = yes ] && kill -0 "$pid" 2>/dev/null; do
    kb=$(rss_kb "$(cat "/proc/$pid/task/$pid/children" 2>/dev/null | cut -d' ' -f1)")
    [ "$kb" -gt "$peak" ] && peak=$kb
    sleep 0.05
  done
  wait "$pid" || true
  # time(1) first says the exit status when it is not 0 (findings).
  echo "$(tail -n 1 "$work/time") $peak"
}

# The rate on the clock depends on what else the computer runs; the rate
# from the CPU time of the command and its workers is what that many free
# cores give.
rates () {
  awk -v n="$n_documents" -v jobs="$jobs" -v target="$target" -v label="$1" \
      -v wall="$2" -v user="$3" -v sys="$4" -v peak="$5" '
    BEGIN {
      rate = n / wall
      cpu = n / ((user + sys) / jobs)
      printf "%s, %d workers: %.2f s, %.0f documents/s on the clock; %.2f s CPU, %.1f ms CPU a document, %.0f documents/s on %d free cores (target ≥ %d: %s)",
             label, jobs, wall, rate, user + sys, 1000 * (user + sys) / n, cpu, jobs, target, (cpu >= target ? "PASS" : "MISS")
      if (peak > 0)
        printf "; %.0f MB peak (command and workers together)", peak / 1024
      printf "\n"
      if (cpu >= target) exit 0; else exit 1
    }'
}

status=0
read -r wall user sys peak < <(measure no "$work/out.txt" --check-dir "$work/in" --jobs "$jobs")
lines=$(grep -c $'\t' "$work/out.txt" || true)
if [ "$lines" -ne "$n_documents" ]; then
  echo "expected $n_documents lines, got $lines" >&2
  status=1
fi
tail -n 1 "$work/out.txt"
rates "check-dir" "$wall" "$user" "$sys" 0 || status=1

read -r wall user sys peak < <(measure yes "$work/out.txt" --check-dir "$work/in" --jobs "$jobs")
rates "check-dir (memory sampled)" "$wall" "$user" "$sys" "$peak" || true

# The same with every finding written to a report page.
read -r wall user sys peak < <(measure yes "$work/out.txt" --check-dir "$work/in" --jobs "$jobs" --report "$work/report.html")
rates "check-dir --report .html" "$wall" "$user" "$sys" "$peak" || true
awk -v b="$(stat -c %s "$work/report.html")" 'BEGIN { printf "report: %.1f MB\n", b / 1048576 }'
exit $status

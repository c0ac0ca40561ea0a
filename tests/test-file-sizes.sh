#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No source file grows past 900 lines: past ~800 a file holds a second
# class or concern, and it is split (CONTRIBUTING.md).
set -u
root=${1:?usage: test-file-sizes.sh SRCDIR}
limit=900
failures=0
for file in $(find "$root/src" "$root/tests" -name '*.[ch]' -not -path '*/data/*' | sort); do
  n=$(wc -l < "$file")
  if [ "$n" -gt "$limit" ]; then
    echo "not ok: ${file#"$root"/} has $n lines (at most $limit)"
    failures=$((failures + 1))
  fi
done
if [ "$failures" -gt 0 ]; then
  echo "$failures files over $limit lines"
  exit 1
fi
echo "no source file over $limit lines"

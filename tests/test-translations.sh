#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a catalog has an untranslated or fuzzy message, or does not
# compile. The catalog is first merged with the strings the sources mark
# now, so that a new string not yet in the catalog counts as untranslated.
#   test-translations.sh SOURCE_ROOT
set -euo pipefail

root=${1:?usage: test-translations.sh SOURCE_ROOT}
podir=$root/po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords of meson's i18n 'glib' preset.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$root" --files-from="$podir/POTFILES.in" \
  --output="$tmp/gongkai.pot"

status=0
n=0
while read -r lang; do
  case $lang in ''|'#'*) continue ;; esac
  n=$((n + 1))
  po=$podir/$lang.po
  if [ ! -f "$po" ]; then
    echo "not ok: $lang is in LINGUAS but $po does not exist"
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/gongkai.pot"
  if ! stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1); then
    echo "not ok: $lang.po does not compile:"
    echo "$stats"
    status=1
    continue
  fi
  echo "$lang: $stats"
  if echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "not ok: $lang.po has fuzzy or untranslated messages:"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | grep -E '^msg(ctxt|id)' | grep -v '^msgid ""$' || true
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep -E '^msg(ctxt|id)' | grep -v '^msgid ""$' || true
    status=1
  fi
done < "$podir/LINGUAS"

if [ "$n" -eq 0 ]; then
  echo "not ok: no language in $podir/LINGUAS"
  status=1
fi
exit $status

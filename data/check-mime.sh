#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a MIME database from our package file alone and checks that the
# glob and each spelling of the magic lead to application/x-gongkai, and
# that other JSON does not: xmllint only proves the file is well-formed.
#   check-mime.sh MIME-XML WORK-DIR
set -eu

mime_xml=$1
work=$2

rm -rf "$work"
mkdir -p "$work/mime/packages" "$work/home" "$work/files"
cp "$mime_xml" "$work/mime/packages/io.github.gongkai.Gongkai.xml"
XDG_DATA_DIRS="$work" XDG_DATA_HOME="$work/home" update-mime-database "$work/mime"

printf '{}\n' > "$work/files/by-extension.gongkai"
printf '{\n  "format": "gongkai-disclosure",\n  "version": 1\n}\n' > "$work/files/magic-plain"
printf '{\n  "format" : "gongkai-disclosure",\n  "version" : 1\n}\n' > "$work/files/magic-json-glib"
printf '{"format":"gongkai-disclosure","version":1}' > "$work/files/magic-compact"
printf '{\n  "format": "something-else",\n  "version": 1\n}\n' > "$work/files/other"

content_type () {
  XDG_DATA_DIRS="$work" XDG_DATA_HOME="$work/home" GIO_USE_VFS=local \
    gio info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: //p'
}

status=0
for f in by-extension.gongkai magic-plain magic-json-glib magic-compact other; do
  type=$(content_type "$work/files/$f")
  if [ "$f" = other ]; then
    expected_ok=$([ "$type" != application/x-gongkai ] && echo yes || echo no)
  else
    expected_ok=$([ "$type" = application/x-gongkai ] && echo yes || echo no)
  fi
  if [ "$expected_ok" = yes ]; then
    echo "ok: $f is $type"
  else
    echo "FAIL: $f is $type" >&2
    status=1
  fi
done
exit $status

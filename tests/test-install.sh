#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR and checks what a desktop
# gets: the files in their places, no test program among them, and an
# installed binary that runs without the build tree, exports the installed
# sample exactly as the build tree's binary does and finds its catalogs.
#   test-install.sh BUILD_DIR BUILD_GONGKAI VERSION BINDIR DATADIR LOCALEDIR MANDIR
# (the directories absolute, as configured, the same values config.h has).
set -uo pipefail

builddir=$1
build_gongkai=$2
version=$3
bindir=$4
datadir=$5
localedir=$6
mandir=$7

app_id=io.github.gongkai.Gongkai
sample_name=urumqi-county-government-office-2020.gongkai

# Outside the build tree: a binary under the build root takes the build
# tree's catalogs (main.c), which would hide a missing installed one.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
destdir=$tmp/root

n=0
failed=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  shift
  local line
  for line in "$@"; do
    printf '%s\n' "$line" | sed 's/^/# /'
  done
}
check () {
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# A clean environment: no variable of the test harness (GK_LOCALEDIR,
# GSETTINGS_SCHEMA_DIR) reaches the installed binary unless named here.
# The sanitizers' settings do, so that a sanitizer build is judged as
# build-aux/test asks.
run_clean () {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" \
    ${ASAN_OPTIONS+ASAN_OPTIONS="$ASAN_OPTIONS"} ${UBSAN_OPTIONS+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
    XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
    XDG_CACHE_HOME="$tmp/home/cache" XDG_RUNTIME_DIR="$tmp/run" \
    GSETTINGS_BACKEND=memory "$@"
}
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"

if ! log=$(meson install -C "$builddir" --no-rebuild --destdir "$destdir" 2>&1); then
  not_ok "meson install --destdir" "$log"
  echo "1..$n"
  exit 1
fi
ok "meson install --destdir"

echo "# installed:"
(cd "$destdir" && find . \( -type f -o -type l \) | sort | sed 's/^\./#   /')

gongkai=$destdir$bindir/gongkai
desktop=$destdir$datadir/applications/$app_id.desktop
metainfo=$destdir$datadir/metainfo/$app_id.metainfo.xml
mime=$destdir$datadir/mime/packages/$app_id.xml
schema=$destdir$datadir/glib-2.0/schemas/$app_id.gschema.xml
icon=$destdir$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$destdir$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
mo=$destdir$localedir/zh_CN/LC_MESSAGES/gongkai.mo
sample=$destdir$datadir/gongkai/samples/$sample_name
manpage=$destdir$mandir/man1/gongkai.1

check "binary in bindir" test -x "$gongkai"
check "desktop file" test -f "$desktop"
check "metainfo" test -f "$metainfo"
check "MIME type package" test -f "$mime"
check "GSettings schema" test -f "$schema"
check "scalable icon" test -f "$icon"
check "symbolic icon" test -f "$symbolic"
check "Chinese catalog in LOCALEDIR" test -f "$mo"
check "sample in pkgdatadir" test -f "$sample"
check "manual page" test -f "$manpage"

stray=$(cd "$destdir" && find . \( -name 'gongkai-test-hooks*' -o -name 'test-*' \
  -o -name '*.a' -o -name '*.h' -o -name '*.pc' \) | sort)
if [ -z "$stray" ]; then
  ok "no test program, static library or header installed"
else
  not_ok "no test program, static library or header installed" $stray
fi

# Double-clicking a .gongkai: the desktop file claims the type the MIME
# package defines, and starts the binary that is installed.
mime_type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime" 2>/dev/null)
if [ -n "$mime_type" ] && grep -qx "MimeType=.*$mime_type;.*" "$desktop" 2>/dev/null; then
  ok "desktop file opens $mime_type"
else
  not_ok "desktop file opens the MIME package's type ($mime_type)" \
    "$(grep '^MimeType=' "$desktop" 2>/dev/null)"
fi
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" 2>/dev/null)
check "desktop file starts the installed binary ($exec_name)" test -x "$destdir$bindir/$exec_name"

check "installed sample is the source's" cmp -s "$sample" "$(dirname "$0")/../data/samples/$sample_name"
final_sample_name=shanghai-putuo-ecology-bureau-2025-final.gongkai
check "installed 决算 sample is the source's" cmp -s "$destdir$datadir/gongkai/samples/$final_sample_name" \
  "$(dirname "$0")/../data/samples/$final_sample_name"

out=$(run_clean "$gongkai" --version 2>&1)
if [ "$out" = "gongkai $version" ]; then
  ok "installed --version prints gongkai $version"
else
  not_ok "installed --version prints gongkai $version" "$out"
fi

# The same file through both binaries. Cairo 1.16 stamps the PDF with the
# time of the export and has no way to fix it, so the one /CreationDate is
# set aside; every other byte must agree.
normalise () {
  LC_ALL=C sed -E 's|/CreationDate \(D:[0-9]+Z\)|/CreationDate (D:0)|' "$1"
}
if ! out=$(run_clean "$gongkai" --export-pdf "$tmp/installed.pdf" "$sample" 2>&1); then
  not_ok "installed --export-pdf on the installed sample" "$out"
elif ! out=$(run_clean "$build_gongkai" --export-pdf "$tmp/build.pdf" "$sample" 2>&1); then
  not_ok "build tree --export-pdf on the installed sample" "$out"
elif [ "$(head -c 5 "$tmp/installed.pdf")" != "%PDF-" ]; then
  not_ok "installed --export-pdf writes a PDF"
elif cmp -s <(normalise "$tmp/installed.pdf") <(normalise "$tmp/build.pdf"); then
  ok "installed and build tree PDF identical but for /CreationDate ($(stat -c %s "$tmp/installed.pdf") bytes)"
else
  not_ok "installed and build tree PDF identical but for /CreationDate" \
    "$(cmp <(normalise "$tmp/installed.pdf") <(normalise "$tmp/build.pdf") 2>&1)"
fi

# Translations. The DESTDIR copy is not at the configured prefix, so the
# proof comes in two halves: the binary asks for its catalog at LOCALEDIR
# (the path the package installs it to, checked above), and the catalog
# installed there turns the help into Chinese.
zh_summary='编制、审核并发布单位的部门预算公开文件。'
if command -v strace >/dev/null; then
  run_clean LANG=zh_CN.UTF-8 strace -f -e trace=openat -o "$tmp/strace.log" \
    "$gongkai" --help >/dev/null 2>&1
  if grep -q "\"$localedir/zh_CN[^/]*/LC_MESSAGES/gongkai.mo\"" "$tmp/strace.log"; then
    ok "installed binary looks for its catalog in $localedir"
  else
    not_ok "installed binary looks for its catalog in $localedir" \
      "$(grep 'gongkai.mo' "$tmp/strace.log" | head -3)"
  fi
else
  ok "# SKIP strace is not installed"
fi
out=$(run_clean LANG=zh_CN.UTF-8 GK_LOCALEDIR="$destdir$localedir" "$gongkai" --help 2>&1)
if printf '%s\n' "$out" | grep -qF "$zh_summary"; then
  ok "LANG=zh_CN.UTF-8 --help is Chinese with the installed catalog"
else
  not_ok "LANG=zh_CN.UTF-8 --help is Chinese with the installed catalog" "$out"
fi
out=$(run_clean LANG=C.UTF-8 GK_LOCALEDIR="$destdir$localedir" "$gongkai" --help 2>&1)
if printf '%s\n' "$out" | grep -qF 'Prepare, check and publish'; then
  ok "LANG=C.UTF-8 --help stays English"
else
  not_ok "LANG=C.UTF-8 --help stays English" "$out"
fi

echo "1..$n"
exit $failed

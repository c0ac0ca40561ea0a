#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Flatpak manifest without building it (that needs the network):
# it parses, flatpak-builder (when installed) reads it without an unknown
# property, the application ID is ours, the runtime has GTK 4.8 and
# libadwaita 1.2, and the sandbox reaches files only through the portal.
#   check-flatpak-manifest.sh MANIFEST APP-ID
set -eu

manifest=$1
app_id=$2

python3 - "$manifest" "$app_id" <<'PY'
import json, sys
path, app_id = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as f:
    m = json.load(f)
errors = []
if m.get('id') != app_id:
    errors.append(f"id is {m.get('id')!r}, not {app_id!r}")
if m.get('runtime') != 'org.gnome.Platform' or int(m.get('runtime-version', '0')) < 43:
    errors.append('the runtime must be org.gnome.Platform 43 or later (GTK 4.8, libadwaita 1.2)')
args = m.get('finish-args', [])
for needed in ('--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'):
    if needed not in args:
        errors.append(f'finish-args lacks {needed}')
for a in args:
    if a.startswith('--filesystem') or a in ('--socket=x11', '--share=network'):
        errors.append(f'finish-args has {a}: files go through the file chooser portal')
names = [mod.get('name') for mod in m.get('modules', [])]
if not names or names[-1] != 'gongkai':
    errors.append('the last module must be gongkai')
for mod in m.get('modules', []):
    for src in mod.get('sources', []):
        if 'url' in src and len(src.get('sha256', '')) != 64:
            errors.append(f"{mod['name']}: {src['url']} has no sha256")
for e in errors:
    print(f'{path}: {e}')
sys.exit(1 if errors else 0)
PY

if command -v flatpak-builder >/dev/null; then
  # An unknown or misspelt property is only a warning: make it fail. Run
  # elsewhere, since flatpak-builder leaves its state directory behind.
  manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
  tmp=$(mktemp -d)
  warnings=$(cd "$tmp" && flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) || true
  rm -rf "$tmp"
  if [ -n "$warnings" ]; then
    echo "$warnings"
    exit 1
  fi
  echo "flatpak-builder --show-manifest: read without warnings"
else
  echo "flatpak-builder is not installed: JSON and permissions checked only"
fi

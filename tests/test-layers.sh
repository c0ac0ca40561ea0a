#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers of src/, bottom up: model ← check ← render ← io ← views ←
# application, with cli beside views. An include never points up a layer,
# and nothing below views includes GTK or libadwaita.
set -u
src=${1:?usage: test-layers.sh SRCDIR}/src

allowed () {
  case $1 in
    model)  echo "model" ;;
    check)  echo "model check" ;;
    render) echo "model check render" ;;
    io)     echo "model check render io" ;;
    cli)    echo "model check render io cli" ;;
    views)  echo "model check render io views" ;;
    .)      echo "model check render io cli views ." ;;
  esac
}

# Which folder a header lives in.
folder_of () {
  for d in model check render io cli views .; do
    if [ -f "$src/$d/$1" ]; then
      echo "$d"
      return
    fi
  done
}

failures=0
for layer in model check render io cli views .; do
  ok=$(allowed "$layer")
  for file in "$src/$layer"/*.c "$src/$layer"/*.h; do
    [ -f "$file" ] || continue
    rel=${file#"$src"/}
    for header in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\(gk-[^"]*\.h\)".*/\1/p' "$file"); do
      home=$(folder_of "$header")
      [ -n "$home" ] || continue   # generated (resources)
      case " $ok " in
        *" $home "*) ;;
        *) echo "not ok: $rel includes $header from $home/, a layer above $layer/"
           failures=$((failures + 1)) ;;
      esac
    done
    case $layer in
      model|check|render|io|cli)
        if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(gtk/|gdk/|adwaita\.h)' "$file"; then
          echo "not ok: $rel includes GTK, which $layer/ must not"
          failures=$((failures + 1))
        fi ;;
    esac
  done
done

if [ "$failures" -gt 0 ]; then
  echo "$failures layer violations"
  exit 1
fi
echo "every include points down a layer"

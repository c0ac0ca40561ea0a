#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the PDFs that tests/test-import-pdf-producers.c reads: the sample's
# tables as LibreOffice prints them (Gongkai's workbook export converted
# with `soffice --headless --convert-to pdf`), in 万元 and in 元, with a
# 表七 long enough to run over several pages, and the 决算 sample's. Their
# embedded font programs are dropped (text, widths and ToUnicode maps stay)
# to keep them small.
#
#     tests/data/pdf/make-pdfs.sh BUILDDIR    (rewrites the PDFs beside it)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
gongkai=$(cd "$1" && pwd)/src/gongkai
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=$root/data/samples/urumqi-county-government-office-2020.gongkai

python3 - "$sample" "$work" <<'PY'
import json, sys
from decimal import Decimal
sample, work = sys.argv[1], sys.argv[2]
doc = json.load(open(sample))

def yuan(v):
    return '%.2f' % (Decimal(v) * 10000)

# 元: every figure of the tables times 10 000, as Gongkai's conversion does.
d = json.loads(json.dumps(doc))
d['money-unit'] = '元'
for table in d['tables'].values():
    for row in table.get('rows', []):
        for k, v in row.items():
            if k != 'code':
                row[k] = yuan(v)
    for k, v in table.get('values', {}).items():
        table['values'][k] = yuan(v)
for p in d['projects']:
    p['amounts'] = {k: yuan(v) for k, v in p['amounts'].items()}
    p['other-funds'] = yuan(p['other-funds'])
json.dump(d, open(work + '/sample-yuan.gongkai', 'w'), ensure_ascii=False)

# A 表七 of 105 lines: 重点项目督查经费 (40.00) as 100 projects of 0.40.
d = json.loads(json.dumps(doc))
projects = []
for p in d['projects']:
    if p['name'] != '重点项目督查经费':
        projects.append(p)
        continue
    for i in range(1, 101):
        projects.append({'id': 'p%d' % (100 + i), 'name': '重点项目督查经费（第%d批）' % i,
                         'function': p['function'], 'other-funds': '0.00',
                         'amounts': {'e302': '0.40'}, 'indicators': []})
d['projects'] = projects
json.dump(d, open(work + '/sample-long.gongkai', 'w'), ensure_ascii=False)
PY
cp "$sample" "$work/sample.gongkai"
# A 决算: the 陕西 county file, its tables as LibreOffice prints them.
cp "$root/tests/data/final/zhashui-county-audit-bureau-2020-final.gongkai" "$work/final.gongkai"

for name in sample sample-yuan sample-long final; do
  "$gongkai" --export-xlsx="$work/$name.xlsx" "$work/$name.gongkai"
  HOME="$work/home" soffice --headless --convert-to pdf --outdir "$work" "$work/$name.xlsx" >/dev/null
  qpdf --qdf --object-streams=disable "$work/$name.pdf" "$work/$name.qdf"
  sed -E 's|/FontFile[23]? [0-9]+ 0 R||g' "$work/$name.qdf" > "$work/$name-nofonts.qdf"
  fix-qdf "$work/$name-nofonts.qdf" > "$work/$name-fixed.qdf"
  qpdf --object-streams=generate --compress-streams=y --recompress-flate --compression-level=9 \
    "$work/$name-fixed.qdf" "$here/libreoffice-$name.pdf"
done
cp "$work/sample-long.gongkai" "$here/sample-long.gongkai"

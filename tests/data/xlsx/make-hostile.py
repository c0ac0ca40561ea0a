#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the large hostile workbooks that tests/test-xlsx-limits.c imports,
into the directory given (the build directory: they are megabytes once
unpacked, a few hundred kilobytes packed, and made in a second or two).
Each is seed-layout.xlsx with one part replaced.

    python3 tests/data/xlsx/make-hostile.py OUTDIR
"""

import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, 'seed-layout.xlsx')
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="%s"><sheetData>' % MAIN


def col_name(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def replace(out, parts):
    """seed-layout.xlsx with `parts` (name → text) replaced or added."""
    with zipfile.ZipFile(SEED) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    names = {m for m, _ in members}
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, content in members + [(n, None) for n in parts if n not in names]:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = parts.get(name, content)
            archive.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)


def many_cells(out):
    """表1 with 2 100 000 number cells: over the workbook's cell limit."""
    rows = []
    for r in range(1, 20001):
        rows.append('<row r="%d">%s</row>' % (r, ''.join('<c><v>1</v></c>' for _ in range(105))))
    replace(out, {'xl/worksheets/sheet2.xml': SHEET_START + ''.join(rows) + '</sheetData></worksheet>'})


def far_column(out):
    """Every sheet with one cell at column IV of 20 000 rows: 5 million cells held."""
    parts = {}
    for s in range(1, 10):
        rows = ''.join('<row r="%d"><c r="IV%d"><v>0</v></c></row>' % (r, r) for r in range(100, 20100))
        parts['xl/worksheets/sheet%d.xml' % s] = SHEET_START + rows + '</sheetData></worksheet>'
    replace(out, parts)


def shared_strings(out, count, size):
    with zipfile.ZipFile(SEED) as z:
        sst = z.read('xl/sharedStrings.xml').decode('utf-8')
    extra = ''.join('<si><t>%s</t></si>' % (('%d' % i) * size)[:max(size, 1)] for i in range(count))
    replace(out, {'xl/sharedStrings.xml': sst.replace('</sst>', extra + '</sst>')})


def many_lines(out, n):
    """表3 with `n` lines of 项 codes under one 类 and 款 each, all of them
    well-formed: how the import's time grows with a sheet's rows."""
    rows = ['<row r="1"><c t="inlineStr"><is><t>部门支出总体情况表</t></is></c></row>',
            '<row r="2"><c t="inlineStr"><is><t>单位：万元</t></is></c></row>',
            '<row r="3"><c t="inlineStr"><is><t>科目编码</t></is></c><c t="inlineStr"><is><t>科目名称</t></is></c>'
            '<c t="inlineStr"><is><t>合计</t></is></c><c t="inlineStr"><is><t>基本支出</t></is></c>'
            '<c t="inlineStr"><is><t>项目支出</t></is></c></row>']
    r = 4
    for i in range(n):
        cls, rest = divmod(i, 99 * 99)
        sec, item = divmod(rest, 99)
        code = '%03d%02d%02d' % (201 + cls, sec + 1, item + 1)
        rows.append('<row r="%d"><c t="inlineStr"><is><t>%s</t></is></c><c t="inlineStr"><is><t>科目%d</t></is></c>'
                    '<c><v>1.00</v></c><c><v>1.00</v></c></row>' % (r, code, i))
        r += 1
    sheet = SHEET_START + ''.join(rows) + '</sheetData></worksheet>'
    replace(out, {'xl/worksheets/sheet1.xml': sheet})


if __name__ == '__main__':
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    many_cells(os.path.join(outdir, 'many-cells.xlsx'))
    far_column(os.path.join(outdir, 'far-column.xlsx'))
    shared_strings(os.path.join(outdir, 'long-string.xlsx'), 1, 200000)
    shared_strings(os.path.join(outdir, 'many-strings.xlsx'), 300000, 1)
    many_lines(os.path.join(outdir, 'lines-1000.xlsx'), 1000)
    many_lines(os.path.join(outdir, "lines-2000.xlsx"), 2000)
    many_lines(os.path.join(outdir, "lines-8000.xlsx"), 8000)

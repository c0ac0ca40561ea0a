#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the workbooks that tests/test-xlsx.c imports: budget tables laid
out the ways other programs lay them out (not as Gongkai exports them), and
a few bad files. The figures are those of the sample disclosure
(data/samples/urumqi-county-government-office-2020.gongkai).

Raw SpreadsheetML through zipfile, so that each variant is exactly what a
budget system or a hand-made template writes: shared or inline strings,
numbers or text for codes and amounts, merged titles, 栏次 rows, dashes,
formulas with cached values, hidden sheets, strict OOXML namespaces.

    python3 tests/data/xlsx/make-workbooks.py    (rewrites the .xlsx files beside it)
"""

import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

TRANSITIONAL = {
    'main': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'rel': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'doc': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
    'sheet': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
    'styles': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
    'strings': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
    'core': 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
}
STRICT = {
    'main': 'http://purl.oclc.org/ooxml/spreadsheetml/main',
    'rel': 'http://purl.oclc.org/ooxml/officeDocument/relationships',
    'doc': 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
    'sheet': 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
    'styles': 'http://purl.oclc.org/ooxml/officeDocument/relationships/styles',
    'strings': 'http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings',
    'core': 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
}


class N:
    """A number cell, written exactly as given."""
    def __init__(self, text, style=0):
        self.text, self.style = str(text), style


class F:
    """A formula with its cached value."""
    def __init__(self, formula, value):
        self.formula, self.value = formula, str(value)


class Sheet:
    def __init__(self, name, rows, merges=(), hidden=False):
        self.name, self.rows, self.merges, self.hidden = name, rows, list(merges), hidden


class Fixed:
    """Writes members with a fixed date, so that the files are the same each run."""
    def __init__(self, archive):
        self.archive = archive

    def writestr(self, name, data):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        self.archive.writestr(info, data)


def col_name(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def write_workbook(path, sheets, shared=True, ns=TRANSITIONAL, title=None):
    strings, index = [], {}

    def string_cell(ref, text):
        if not shared:
            return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(text))
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, index[text])

    def sheet_xml(sheet):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
               '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (ns['main'], ns['rel'])]
        for r, row in enumerate(sheet.rows):
            cells = []
            for c, v in enumerate(row):
                ref = '%s%d' % (col_name(c), r + 1)
                if v is None or v == '':
                    continue
                if isinstance(v, N):
                    style = ' s="%d"' % v.style if v.style else ''
                    cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, style, v.text))
                elif isinstance(v, F):
                    cells.append('<c r="%s"><f>%s</f><v>%s</v></c>' % (ref, escape(v.formula), v.value))
                elif isinstance(v, (int, float)):
                    cells.append('<c r="%s"><v>%s</v></c>' % (ref, repr(v)))
                else:
                    cells.append(string_cell(ref, v))
            if cells:
                out.append('<row r="%d">%s</row>' % (r + 1, ''.join(cells)))
        out.append('</sheetData>')
        if sheet.merges:
            out.append('<mergeCells count="%d">%s</mergeCells>' % (
                len(sheet.merges), ''.join('<mergeCell ref="%s"/>' % m for m in sheet.merges)))
        out.append('</worksheet>')
        return ''.join(out)

    sheet_parts = [sheet_xml(s) for s in sheets]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
        z = Fixed(archive)
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                             for i in range(len(sheets)))
                   + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else '')
                   + ('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' if title else '')
                   + '</Types>')
        z.writestr('_rels/.rels',
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="%s" Target="xl/workbook.xml"/>' % ns['doc']
                   + ('<Relationship Id="rId2" Type="%s" Target="docProps/core.xml"/>' % ns['core'] if title else '')
                   + '</Relationships>')
        if title:
            z.writestr('docProps/core.xml',
                       '<?xml version="1.0" encoding="UTF-8"?>'
                       '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                       'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>' % escape(title))
        z.writestr('xl/workbook.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets>' % (ns['main'], ns['rel'])
                   + ''.join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (
                       escape(s.name), i + 1, ' state="hidden"' if s.hidden else '', i + 1)
                       for i, s in enumerate(sheets))
                   + '</sheets></workbook>')
        rels = ''.join('<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>' % (i + 1, ns['sheet'], i + 1)
                       for i in range(len(sheets)))
        rels += '<Relationship Id="rId%d" Type="%s" Target="styles.xml"/>' % (len(sheets) + 1, ns['styles'])
        if shared:
            rels += '<Relationship Id="rId%d" Type="%s" Target="sharedStrings.xml"/>' % (len(sheets) + 2, ns['strings'])
        z.writestr('xl/_rels/workbook.xml.rels',
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)
        # Style 1 shows 3 as 03 (a 款 or 项 code kept as a number).
        z.writestr('xl/styles.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>'
                   '<styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" formatCode="00"/></numFmts>'
                   '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
                   '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs>'
                   '</styleSheet>' % ns['main'])
        for i, part in enumerate(sheet_parts):
            z.writestr('xl/worksheets/sheet%d.xml' % (i + 1), part)
        if shared:
            z.writestr('xl/sharedStrings.xml',
                       '<?xml version="1.0" encoding="UTF-8"?>'
                       '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
                           ns['main'], len(strings), len(strings),
                           ''.join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)))


UNIT = '乌鲁木齐县人民政府办公室'
PROJECTS = [
    ('电子政务工作经费', 5), ('网站维护', 11), ('文印及材料费', 7),
    ('县信联办及县群众信访服务中心业务办公经费', 4), ('重点项目督查经费', 40),
    ('重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费', 4),
]
T6 = [
    ('301', None, '工资福利支出', '188.38', '188.38', None),
    ('301', '01', '基本工资', '59.02', '59.02', None),
    ('301', '02', '津贴补贴', '48.85', '48.85', None),
    ('301', '03', '奖金', '4.92', '4.92', None),
    ('301', '07', '绩效工资', '7.52', '7.52', None),
    ('301', '08', '机关事业单位基本养老保险费', '19.02', '19.02', None),
    ('301', '10', '职工基本医疗保险缴费', '17.98', '17.98', None),
    ('301', '11', '公务员医疗补助缴费', '4.00', '4.00', None),
    ('301', '12', '其他社会保障缴费', '0.95', '0.95', None),
    ('301', '13', '住房公积金', '21.32', '21.32', None),
    ('301', '99', '其他工资福利支出', '4.80', '4.80', None),
    ('302', None, '商品和服务支出', '58.53', None, '58.53'),
    ('302', '01', '办公费', '2.70', None, '2.70'),
    ('302', '11', '差旅费', '1.00', None, '1.00'),
    ('302', '16', '培训费', '0.50', None, '0.50'),
    ('302', '17', '公务接待费', '0.45', None, '0.45'),
    ('302', '28', '工会经费', '1.47', None, '1.47'),
    ('302', '29', '福利费', '3.39', None, '3.39'),
    ('302', '31', '公务用车运行维护费', '48.60', None, '48.60'),
    ('302', '99', '其他商品和服务支出', '0.42', None, '0.42'),
    ('303', None, '对个人和家庭的补助', '37.17', '37.17', None),
    ('303', '02', '退休费', '2.68', '2.68', None),
    ('303', '05', '生活补助', '0.89', '0.89', None),
    ('303', '99', '其他对个人和家庭的补助', '33.60', '33.60', None),
]
CLASSES = ['201 一般公共服务支出', '202 外交支出', '203 国防支出', '204 公共安全支出', '205 教育支出',
           '206 科学技术支出', '207 文化旅游体育与传媒支出', '208 社会保障和就业支出', '210 卫生健康支出',
           '211 节能环保支出', '212 城乡社区支出', '213 农林水支出', '214 交通运输支出']


def title_rows(label, title, unit_line='编制部门：' + UNIT, width=7):
    rows = [[label], [title] + [None] * (width - 1), [unit_line], ['单位：万元']]
    return rows, ['A2:%s2' % col_name(width - 1)]


# 1. As the published seed prints its tables: a 表N label, the title, 编制部门
#    and 单位 on lines of their own, 类/款/项 in three columns as text (and 款 as
#    numbers shown 00 in 表二), the seed's own slips (284.08 on the 201 rows of
#    表三 and 表五, 表九's row of zeros), sheets named 表1 … 表9 in another order.
def seed_layout():
    s = {}
    rows, merges = title_rows('表一：', '部门收支总体情况表', width=4)
    rows += [['收 入', None, '支 出', None], ['项 目', '预算数', '功能分类', '预算数']]
    merges += ['A5:B5', 'C5:D5']
    income = [('财政拨款（补助）', N('355.08')), ('一般公共预算', N('355.08')), ('政府性基金预算', None),
              ('教育收费（财政专户）', None), ('事业收入', None), ('事业单位经营收入', None),
              ('其他收入', None), ('用事业基金弥补收支差额', None)]
    for i, cls in enumerate(CLASSES):
        left = income[i] if i < len(income) else (None, None)
        amount = N('336.06') if cls.startswith('201') else N('19.02') if cls.startswith('208') else None
        rows.append([left[0], left[1], cls, amount])
    rows += [['小 计', N('355.08'), None, None],
             ['单位上年结余（不包括国库集中支付额度结余）', None, None, None],
             ['收 入 总 计', N('355.08'), '支 出 合 计', N('355.08')],
             [], ['备注：无内容应公开空表并说明情况。']]
    s['表1'] = Sheet('表1', rows, merges)

    heads = ['总 计', '一般公共预算拨款', '政府基金预算拨款', '财政专户管理资金', '事业收入', '事业单位经营收入',
             '其他收入', '用事业基金弥补收支差额', '单位上年结余(不包括国库集中支付额度结余)']
    rows, merges = title_rows('表二：', '部门收入总体情况表', unit_line='填报部门：' + UNIT, width=13)
    rows += [['功能分类科目编码', None, None, '功能分类科目名称'] + heads, ['类', '款', '项']]
    merges += ['A5:C5', 'D5:D6'] + ['%s5:%s6' % (col_name(c), col_name(c)) for c in range(4, 13)]
    data = [('201', None, None, '一般公共服务支出', '336.06'),
            ('201', N(3, 1), None, '政府办公厅(室)及相关机构事务', '336.06'),
            ('201', N(3, 1), N(1, 1), '行政运行(政府办公厅(室)及相关机构事务)', '265.06'),
            ('201', N(3, 1), N(99, 1), '其他政府办公厅(室)及相关机构事务支出', '71.00'),
            ('208', None, None, '社会保障和就业支出', '19.02'),
            ('208', N(5, 1), None, '行政事业单位养老支出', '19.02'),
            ('208', N(5, 1), N(5, 1), '机关事业单位基本养老保险缴费支出', '19.02')]
    for c1, c2, c3, name, v in data:
        rows.append([c1, c2, c3, name, N(v), N(v)])
    rows += [[None, None, None, '合计', N('355.08'), N('355.08')], [], ['备注：无内容应公开空表并说明情况。']]
    s['表2'] = Sheet('表2', rows, merges)

    def basic_project(label, title, heading):
        rows, merges = title_rows(label, title)
        rows += [['项目', None, None, None, heading], ['功能分类科目编码', None, None, '功能分类科目名称', '合计', '基本支出', '项目支出'],
                 ['类', '款', '项']]
        merges += ['A5:D5', 'E5:G5', 'A6:C6', 'D6:D7', 'E6:E7', 'F6:F7', 'G6:G7']
        rows += [['201', None, None, '一般公共服务支出', N('336.06'), N('284.08'), N('71.00')],
                 ['201', '03', None, '政府办公厅（室）及相关机构事务', N('336.06'), N('284.08'), N('71.00')],
                 ['201', '03', '01', '行政运行（政府办公厅（室）及相关机构事务）', N('265.06'), N('265.06'), None],
                 ['201', '03', '99', '其他政府办公厅（室）及相关机构事务支出', N('71.00'), None, N('71.00')],
                 ['208', None, None, '社会保障和就业支出', N('19.02'), N('19.02'), None],
                 ['208', '05', None, '行政事业单位养老支出', N('19.02'), N('19.02'), None],
                 ['208', '05', '05', '机关事业单位基本养老保险缴费支出', N('19.02'), N('19.02'), None],
                 [None, None, None, '合计', N('355.08'), N('284.08'), N('71.00')],
                 [], ['备注：无内容应公开空表并说明情况。']]
        return rows, merges
    s['表3'] = Sheet('表3', *basic_project('表三：', '部门支出总体情况表', '支出预算'))
    s['表5'] = Sheet('表5', *basic_project('表五：', '一般公共预算支出情况表', '一般公共预算支出'))

    rows, merges = title_rows('表四：', '财政拨款收支预算总体情况表', width=6)
    rows += [['财政拨款收入', None, '财政拨款支出'], ['项 目', '合计', '功 能 分 类', '合计', '一般公共预 算', '政府性基金 预算']]
    merges += ['A5:B5', 'C5:F5']
    income = [('财政拨款（补助）', N('355.08')), ('一般公共预算', N('355.08')), ('政府性基金预 算', None)]
    for i, cls in enumerate(CLASSES):
        left = income[i] if i < len(income) else (None, None)
        amount = N('336.06') if cls.startswith('201') else N('19.02') if cls.startswith('208') else None
        rows.append([left[0], left[1], cls, amount, amount, None])
    rows += [['收 入 总 计', N('355.08'), '支 出 总 计', N('355.08'), N('355.08'), None], [],
             ['备注：无内容应公开空表并说明情况。']]
    s['表4'] = Sheet('表4', rows, merges)

    rows, merges = title_rows('表六:', '一般公共预算基本支出情况表', unit_line='编制部门: ' + UNIT, width=6)
    rows[3] = ['单位: 万元']
    rows += [['经济分类科目编码', None, '项目', '一般公共预算基本支出'], ['类', '款', '经济分类科目名称', '总 计', '人员经费', '公用经费']]
    merges += ['A5:B5', 'D5:F5']
    for c1, c2, name, total, personnel, public in T6:
        rows.append([c1, c2, name, N(total), N(personnel) if personnel else None, N(public) if public else None])
    rows += [[None, None, '合计', N('284.08'), N('225.55'), N('58.53')], [], ['备注: 无内容应公开空表并说明情况。']]
    s['表6'] = Sheet('表6', rows, merges)

    econ = ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '债务利息及费用支出', '资本性支出(基建)', '资本性支出',
            '企业补助(基建)', '对企业补助', '对社会保障基金补助', '其他支出']
    rows, merges = title_rows('表七:', '项目支出情况表', unit_line='编制部门: ' + UNIT, width=16)
    rows += [['科目编码', None, None, '科目', '项目名称', '项目支出合计'] + econ, ['类', '款', '项']]
    merges += ['A5:C5'] + ['%s5:%s6' % (col_name(c), col_name(c)) for c in range(3, 16)]
    rows.append(['201', None, None, '一般公共服务支出', None, N(71), None, N(71)])
    rows.append(['201', '03', None, '政府办公厅(室)及相关机构事务', None, N(71), None, N(71)])
    for name, amount in PROJECTS:
        rows.append(['201', '03', '99', '其他政府办公厅(室)及相关机构事务支出', name, N(amount), None, N(amount)])
    rows += [[None, None, None, None, '合计', N(71), None, N(71)], [], ['备注: 无内容应公开空表并说明情况。']]
    s['表7'] = Sheet('表7', rows, merges)

    rows, merges = title_rows('表八:', '一般公共预算“三公”经费支出情况表', unit_line='编制单位: ' + UNIT, width=6)
    rows[3] = ['单位: 万元']
    rows += [['合计', '因公出国 (境)费', '公务用车购置及运行费', None, None, '公务接待费'],
             [None, None, '小计', '公务用车购 置费', '公务用车运行 费'],
             [N('49.05'), N(0), N('48.6'), N(0), N('48.6'), N('0.45')], [],
             ['备注: 无内容应公开空表并说明情况。']]
    merges += ['A5:A6', 'B5:B6', 'C5:E5', 'F5:F6']
    s['表8'] = Sheet('表8', rows, merges)

    rows, merges = title_rows('表九:', '政府性基金预算支出情况表', unit_line='编制单位: ' + UNIT)
    rows[3] = ['单位: 万元']
    rows += [['项 目', None, None, None, '政府性基金预算支出'],
             ['功能分类科目编 码', None, None, '功能分类科目名称', '小计', '基本支出', '项目支出'],
             ['类', '款', '项'],
             [N(0), N(0), N(0), N(0), N(0), N(0), N(0)],
             [None, None, None, '合计'], [],
             ['备注: 2020 年没有使用政府性基金预算拨款安排的支出, 政府性基金预算支出情况表为空表。']]
    merges += ['A5:D5', 'E5:G5', 'A6:C6', 'D6:D7', 'E6:E7', 'F6:F7', 'G6:G7']
    s['表9'] = Sheet('表9', rows, merges)

    order = ['表3', '表1', '表2', '表8', '表5', '表4', '表9', '表6', '表7']
    write_workbook(os.path.join(HERE, 'seed-layout.xlsx'), [s[k] for k in order])


# 2. A budget system's export: sheets named by title, amounts in 元, one
#    7-digit code column holding numbers, names indented with ideographic
#    spaces, a merged title over a merged unit title, a 栏次 row, shared
#    strings; 表九 empty but for its 合计 line.
def budget_system_yuan():
    def yuan(wan):
        return N('%d' % round(float(wan) * 10000)) if wan is not None else None

    def head(title, width):
        rows = [[UNIT + '2020年部门预算'] + [None] * (width - 1),
                ['2020年' + title] + [None] * (width - 1),
                ['单位名称：' + UNIT, None, None, '金额单位：元']]
        return rows, ['A1:%s1' % col_name(width - 1), 'A2:%s2' % col_name(width - 1)]

    def function_rows(values):
        codes = [('201', '一般公共服务支出'), ('20103', '　政府办公厅（室）及相关机构事务'),
                 ('2010301', '　　行政运行'), ('2010399', '　　其他政府办公厅（室）及相关机构事务支出'),
                 ('208', '社会保障和就业支出'), ('20805', '　行政事业单位养老支出'),
                 ('2080505', '　　机关事业单位基本养老保险缴费支出')]
        return [[N(code), name] + [yuan(v) for v in values[code]] for code, name in codes]

    sheets = []
    rows, merges = head('部门支出总体情况表', 5)
    rows += [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['栏次', None, N(1), N(2), N(3)]]
    rows += function_rows({'201': ('336.06', '265.06', '71.00'), '20103': ('336.06', '265.06', '71.00'),
                           '2010301': ('265.06', '265.06', None), '2010399': ('71.00', None, '71.00'),
                           '208': ('19.02', '19.02', None), '20805': ('19.02', '19.02', None),
                           '2080505': ('19.02', '19.02', None)})
    rows.append([None, '合计', yuan('355.08'), yuan('284.08'), yuan('71.00')])
    sheets.append(Sheet('部门支出总体情况表', rows, merges))

    rows, merges = head('部门收入总体情况表', 11)
    rows += [['科目编码', '科目名称', '收入总计', '一般公共预算拨款收入', '政府性基金预算拨款收入', '财政专户管理资金收入',
              '事业收入', '事业单位经营收入', '其他收入', '用事业基金弥补收支差额', '上年结转']]
    one = lambda v: (v, v, None, None, None, None, None, None, None)
    rows += function_rows({'201': one('336.06'), '20103': one('336.06'), '2010301': one('265.06'),
                           '2010399': one('71.00'), '208': one('19.02'), '20805': one('19.02'),
                           '2080505': one('19.02')})
    rows.append([None, '合计', yuan('355.08'), yuan('355.08')])
    sheets.append(Sheet('部门收入总体情况表', rows, merges))

    rows, merges = head('一般公共预算支出情况表', 5)
    rows += [['科目编码', '科目名称', '小计', '基本支出', '项目支出']]
    rows += function_rows({'201': ('336.06', '265.06', '71.00'), '20103': ('336.06', '265.06', '71.00'),
                           '2010301': ('265.06', '265.06', None), '2010399': ('71.00', None, '71.00'),
                           '208': ('19.02', '19.02', None), '20805': ('19.02', '19.02', None),
                           '2080505': ('19.02', '19.02', None)})
    rows.append([None, '合计', yuan('355.08'), yuan('284.08'), yuan('71.00')])
    sheets.append(Sheet('一般公共预算支出情况表', rows, merges))

    rows, merges = head('部门收支总体情况表', 4)
    rows += [['收入', None, '支出', None], ['项目', '预算数', '项目', '预算数']]
    rows += [['一、一般公共预算拨款', yuan('355.08'), '一、一般公共服务支出', yuan('336.06')],
             ['二、政府性基金预算拨款', None, '二、社会保障和就业支出', yuan('19.02')],
             ['本年收入合计', yuan('355.08'), '本年支出合计', yuan('355.08')],
             ['收入总计', yuan('355.08'), '支出总计', yuan('355.08')]]
    sheets.append(Sheet('部门收支总体情况表', rows, merges))

    rows, merges = head('一般公共预算基本支出情况表', 5)
    rows += [['科目编码', '科目名称', '合计', '人员经费', '公用经费']]
    for c1, c2, name, total, personnel, public in T6:
        rows.append([N(c1 + (c2 or '')), name, yuan(total), yuan(personnel), yuan(public)])
    rows.append([None, '合计', yuan('284.08'), yuan('225.55'), yuan('58.53')])
    sheets.append(Sheet('一般公共预算基本支出情况表', rows, merges))

    rows, merges = head('项目支出情况表', 6)
    rows += [['科目编码', '科目名称', '项目名称', '合计', '工资福利支出', '商品和服务支出']]
    for name, amount in PROJECTS:
        rows.append([N('2010399'), '其他政府办公厅（室）及相关机构事务支出', name, yuan(amount), None, yuan(amount)])
    rows.append([None, None, '合计', yuan('71.00'), None, yuan('71.00')])
    sheets.append(Sheet('项目支出情况表', rows, merges))

    rows, merges = head('“三公”经费支出情况表', 6)
    rows += [['合计', '因公出国（境）费', '公务用车购置及运行费', None, None, '公务接待费'],
             [None, None, '小计', '公务用车购置费', '公务用车运行费'],
             [yuan('49.05'), yuan('0'), yuan('48.60'), yuan('0'), yuan('48.60'), yuan('0.45')]]
    merges += ['C4:E4']
    sheets.append(Sheet('三公经费支出情况表', rows, merges))

    rows, merges = head('政府性基金预算支出情况表', 5)
    rows += [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], [None, '合计']]
    sheets.append(Sheet('政府性基金预算支出情况表', rows, merges))

    rows, merges = head('财政拨款收支总体情况表', 6)
    rows += [['收入', None, '支出'], ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算']]
    rows += [['一、本年收入', yuan('355.08'), '一、本年支出', yuan('355.08'), yuan('355.08')],
             ['一般公共预算拨款', yuan('355.08'), '一般公共服务支出', yuan('336.06'), yuan('336.06')],
             ['政府性基金预算拨款', None, '社会保障和就业支出', yuan('19.02'), yuan('19.02')],
             ['收入总计', yuan('355.08'), '支出总计', yuan('355.08'), yuan('355.08')]]
    sheets.append(Sheet('财政拨款收支总体情况表', rows, merges))

    write_workbook(os.path.join(HERE, 'budget-system-yuan.xlsx'), sheets)


# 3. Hand-made variants, strict OOXML with inline strings: a cover sheet, a
#    hidden sheet and a table that is not one of the nine; 表三 known only
#    by its sheet name and headings, 类 left blank under its 类 row, dashes
#    for blanks, a formula for its 合计; 表六 without 总计; 表七's projects
#    under their 项 line without codes of their own; 表八 without 小计; no
#    表一, 表四, 表五, 表九.
def variants():
    sheets = [Sheet('封面', [[UNIT], ['2020年部门预算公开']]),
              Sheet('数据', [['隐藏的数据'], [N(1), N(2)]], hidden=True),
              Sheet('政府采购预算表', [['政府采购预算表'], ['项目', '金额'], ['办公设备', N(3)]])]

    rows = [['单位：万元'],
            ['科目编码', None, None, '科目名称', '支出预算（万元）'],
            ['类', '款', '项', None, '合计', '基本支出', '项目支出'],
            ['栏次', None, None, None, '1', '2', '3'],
            ['201', None, None, '一般公共服务支出', '336.06', '265.06', '71.00'],
            [None, '03', None, '政府办公厅（室）及相关机构事务', '336.06', '265.06', '71.00'],
            [None, None, '01', '行政运行', '265.06', '265.06', '-'],
            [None, None, '99', '其他政府办公厅（室）及相关机构事务支出', '71.00', '—', '71.00'],
            ['208', None, None, '社会保障和就业支出', '19.02', '19.02', '-'],
            [None, '05', None, '行政事业单位养老支出', '19.02', '19.02', None],
            [None, None, '05', '机关事业单位基本养老保险缴费支出', '19.02', '19.02', None],
            [None, None, None, '合　计', F('E7+E8+E11', '355.08'), F('F7+F8+F11', '284.08'), F('G7+G8+G11', '71')]]
    sheets.append(Sheet('表3', rows, ['A2:C2', 'E2:G2', 'D2:D3']))

    rows = [['一般公共预算基本支出情况表'], ['编制部门：' + UNIT + '　　　　单位：万元'],
            ['经济科目编码', '经济科目名称', '人员经费', '公用经费']]
    for c1, c2, name, total, personnel, public in T6:
        rows.append([c1 + (c2 or ''), name, personnel, public])
    sheets.append(Sheet('基本支出', rows))

    rows = [['项目支出情况表'], ['单位：万元'],
            ['功能科目编码', '功能科目名称', '项目', '合计', '工资福利支出', '商品和服务支出'],
            ['2010399', '其他政府办公厅（室）及相关机构事务支出', None, '71.00', None, '71.00']]
    for name, amount in PROJECTS:
        rows.append([None, None, name, '%d.00' % amount, None, '%d.00' % amount])
    sheets.append(Sheet('项目', rows))

    rows = [['“三公”经费支出情况表'], ['单位：万元'],
            ['合计', '因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费'],
            ['49.05', '0.00', '0.00', '48.60', '0.45']]
    sheets.append(Sheet('三公', rows))

    rows = [['部门收入总体情况表'], ['单位：万元'],
            ['科目编码', '科目名称', '合计', '一般公共预算', '备用'],
            ['2010301', '行政运行', '265.06', '265.06', '旧数'],
            ['2010399', '其他政府办公厅（室）及相关机构事务支出', '71.00', '71.00'],
            ['2080505', '机关事业单位基本养老保险缴费支出', '19.02', '19.02']]
    sheets.append(Sheet('收入', rows))

    write_workbook(os.path.join(HERE, 'variants.xlsx'), sheets, shared=False, ns=STRICT,
                   title='2020年部门预算公开')


# 4. Workbooks with tables beyond one template's, each besides the tables it
#    is mistaken for: a 国有资本经营 sheet before 表三 (a function tree with
#    合计/基本支出/项目支出, like 表三's), 政府购买服务 and 项目支出绩效目标
#    sheets before 表七 (both with 项目名称), 三公 with its items as rows, and
#    empty tables that say why in a line of their own.
def template_head(title, width, unit_line='单位：万元'):
    rows = [['2020年' + title] + [None] * (width - 1), ['编制部门：' + UNIT], [unit_line]]
    return rows, ['A1:%s1' % col_name(width - 1)]


def capital():
    sheets = []
    rows, merges = template_head('国有资本经营预算支出表', 5)
    rows += [['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
             [N('223'), '国有资本经营预算支出', N('30.00'), None, N('30.00')],
             [N('22301'), '　解决历史遗留问题及改革成本支出', N('30.00'), None, N('30.00')],
             [N('2230105'), '　　国有企业退休人员社会化管理补助支出', N('30.00'), None, N('30.00')],
             [None, '合计', N('30.00'), None, N('30.00')]]
    sheets.append(Sheet('国有资本经营', rows, merges))

    rows, merges = template_head('部门支出总体情况表', 5)
    rows += [['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
             [N('201'), '一般公共服务支出', N('336.06'), N('265.06'), N('71.00')],
             [N('20103'), '　政府办公厅（室）及相关机构事务', N('336.06'), N('265.06'), N('71.00')],
             [N('2010301'), '　　行政运行', N('265.06'), N('265.06'), None],
             [N('2010399'), '　　其他政府办公厅（室）及相关机构事务支出', N('71.00'), None, N('71.00')],
             [N('223'), '国有资本经营预算支出', N('30.00'), None, N('30.00')],
             [N('22301'), '　解决历史遗留问题及改革成本支出', N('30.00'), None, N('30.00')],
             [N('2230105'), '　　国有企业退休人员社会化管理补助支出', N('30.00'), None, N('30.00')],
             [None, '合计', N('366.06'), N('265.06'), N('101.00')]]
    sheets.append(Sheet('支出总表', rows, merges))
    write_workbook(os.path.join(HERE, 'capital.xlsx'), sheets)


def project_sheet():
    rows, merges = template_head('项目支出情况表', 6)
    rows += [['科目编码', '科目名称', '项目名称', '合计', '工资福利支出', '商品和服务支出']]
    for name, amount in PROJECTS:
        rows.append([N('2010399'), '其他政府办公厅（室）及相关机构事务支出', name, N(amount), None, N(amount)])
    rows.append([None, None, '合计', N('71.00'), None, N('71.00')])
    return Sheet('项目支出', rows, merges)


def purchased_services():
    rows, merges = template_head('政府购买服务预算表', 5)
    rows += [['项目名称', '科目编码', '购买服务内容', '合计', '项目支出'],
             ['网站维护', N('2010399'), '信息系统运行维护', N('11.00'), N('11.00')],
             ['文印服务', N('2010399'), '印刷和出版服务', N('7.00'), N('7.00')],
             [None, None, '合计', N('18.00'), N('18.00')]]
    write_workbook(os.path.join(HERE, 'purchased-services.xlsx'),
                   [Sheet('政府购买服务', rows, merges), project_sheet()])


def performance():
    rows, merges = template_head('项目支出绩效目标表', 6)
    rows += [['项目名称', '科目编码', '项目支出合计', '年度绩效目标', '一级指标', '指标值'],
             ['电子政务工作经费', N('2010399'), N('5.00'), '保障电子政务正常运行', '产出指标', '≥95%'],
             ['重点项目督查经费', N('2010399'), N('40.00'), '按期完成督查', '效益指标', '100%']]
    write_workbook(os.path.join(HERE, 'performance.xlsx'),
                   [Sheet('绩效目标', rows, merges), project_sheet()])


def sangong_rows():
    rows, merges = template_head('一般公共预算“三公”经费、会议费和培训费支出预算表', 4)
    rows += [['项目', '本年预算数', '上年预算数', '增减'],
             ['合计', N('50.25'), N('52.00'), N('-1.75')],
             ['1.因公出国（境）费', N('1.20'), N('2.00'), N('-0.80')],
             ['2.公务用车购置及运行费', N('48.60'), N('48.00'), N('0.60')],
             ['其中：公务用车购置费', N('10.00'), N('0'), N('10.00')],
             ['　　　公务用车运行费', N('38.60'), N('48.00'), N('-9.40')],
             ['3.公务接待费', N('0.45'), N('2.00'), N('-1.55')],
             ['4.会议费', N('3.00'), N('3.00'), N('0')]]
    write_workbook(os.path.join(HERE, 'sangong-rows.xlsx'), [Sheet('三公经费', rows, merges)])


def empty_notes():
    rows, merges = template_head('政府性基金预算支出表', 5)
    rows += [['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
             ['注：本表为空表，本单位2020年无政府性基金预算拨款安排的支出。']]
    fund = Sheet('政府性基金', rows, merges)
    rows, merges = template_head('“三公”经费支出情况表', 6)
    rows += [['合计', '因公出国（境）费', '公务用车购置及运行费', None, None, '公务接待费'],
             [None, None, '小计', '公务用车购置费', '公务用车运行费'],
             ['本单位无“三公”经费支出。']]
    merges += ['C4:E4']
    sangong = Sheet('三公', rows, merges)
    write_workbook(os.path.join(HERE, 'empty-notes.xlsx'), [fund, sangong])


def rewrite_member(path, name, data):
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
        for member, content in members:
            Fixed(archive).writestr(member, data if member == name else content)


def bad_files():
    write_workbook(os.path.join(HERE, 'empty.xlsx'), [Sheet('Sheet1', [])])
    rows = [['部门支出总体情况表'], ['单位：万元'],
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['2010301', '行政运行', '265.06', '待定', None]]
    write_workbook(os.path.join(HERE, 'text-amount.xlsx'), [Sheet('表三', rows)])
    with zipfile.ZipFile(os.path.join(HERE, 'not-a-workbook.xlsx'), 'w') as archive:
        Fixed(archive).writestr('word/document.xml', '<document/>')
    write_workbook(os.path.join(HERE, 'bad-xml.xlsx'), [Sheet('表三', [['部门支出总体情况表']])])
    rewrite_member(os.path.join(HERE, 'bad-xml.xlsx'), 'xl/worksheets/sheet1.xml',
                   '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>')
    # A sheet whose compressed bytes are garbled, the zip directory intact.
    data = bytearray(open(os.path.join(HERE, 'seed-layout.xlsx'), 'rb').read())
    with zipfile.ZipFile(os.path.join(HERE, 'seed-layout.xlsx')) as z:
        info = z.getinfo('xl/worksheets/sheet2.xml')
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(20, 60):
        data[start + k] ^= 0x5A
    with open(os.path.join(HERE, 'garbled-sheet.xlsx'), 'wb') as f:
        f.write(bytes(data))
    with open(os.path.join(HERE, 'csv-renamed.xlsx'), 'w', encoding='utf-8') as f:
        f.write('\ufeff科目编码,科目名称,合计\r\n2010301,行政运行,265.06\r\n')
    with open(os.path.join(HERE, 'seed-layout.xlsx'), 'rb') as f:
        data = f.read()
    with open(os.path.join(HERE, 'damaged.xlsx'), 'wb') as f:
        f.write(data[:len(data) // 2])


if __name__ == '__main__':
    seed_layout()
    budget_system_yuan()
    variants()
    capital()
    purchased_services()
    performance()
    sangong_rows()
    empty_notes()
    bad_files()

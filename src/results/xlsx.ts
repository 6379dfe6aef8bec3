// The little of XLSX the answer sheets need, written and read with fflate (already a dependency) rather
// than a spreadsheet library: a workbook is a zip of XML parts, and we need one sheet of text and
// numbers, a bold header, column widths, a frozen first row and a 1-10 data validation. Reading takes
// what Excel, LibreOffice, Google Sheets and Microsoft Forms save: shared or inline strings, numbers,
// booleans, formulas' cached values, cells with or without their reference, prefixed XML names.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { CellValue, Sheet } from './csv.js';
import { columnLetter } from './survey.js';

// ---------------------------------------------------------------------------------------------
// Writing

export type CellStyle = 'header' | 'title' | 'bold' | 'wrap';
export type WriteCell = string | number | null | { value: string | number; style: CellStyle };

export interface Validation {
  /** Whole numbers from `min` to `max` (or at least `min`), in the cells of `ref` ("B2:D501"). */
  min: number;
  max?: number;
  ref: string;
  prompt: { title: string; text: string };
  error?: { title: string; text: string };
}

export interface SheetSpec {
  name: string;
  rows: WriteCell[][];
  /** Width in characters per column; `wrap` wraps typed text, `center` centres it (for marks). */
  columns?: { width: number; wrap?: boolean; center?: boolean }[];
  /** Rows kept in view when scrolling (the header). */
  freezeRows?: number;
  validations?: Validation[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text safe in XML, and without the control characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** cellXfs indexes in styles.xml below. */
const STYLE_INDEX: Record<CellStyle | 'center', number> = { header: 1, wrap: 2, title: 3, bold: 4, center: 5 };

function stylesXml(headerFill: string): string {
  const argb = `FF${headerFill.replace('#', '').toUpperCase()}`;
  const font = (extra: string, size = 11) => `<font>${extra}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    XML_HEAD +
    `<styleSheet xmlns="${MAIN}">` +
    `<fonts count="3">${font('')}${font('<b/>')}${font('<b/>', 14)}</fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="6">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function cellXml(cell: WriteCell, ref: string): string {
  if (cell === null || cell === '') return '';
  const { value, style } = typeof cell === 'object' ? cell : { value: cell, style: undefined };
  const s = style ? ` s="${STYLE_INDEX[style]}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  // Inline strings keep each sheet one part; Excel and LibreOffice convert them on saving.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

function sheetXml(sheet: SheetSpec, selected: boolean): string {
  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`];
  const freeze = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/>`
    : '';
  parts.push(`<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${freeze}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columns?.length) {
    parts.push('<cols>');
    sheet.columns.forEach((c, i) => {
      const style = c.wrap ? ` style="${STYLE_INDEX.wrap}"` : c.center ? ` style="${STYLE_INDEX.center}"` : '';
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${style}/>`);
    });
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const cells = row.map((cell, c) => cellXml(cell, `${columnLetter(c + 1)}${r + 1}`)).join('');
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push('</sheetData>');
  if (sheet.validations?.length) {
    parts.push(`<dataValidations count="${sheet.validations.length}">`);
    for (const v of sheet.validations) {
      const operator = v.max === undefined ? 'greaterThanOrEqual' : 'between';
      const error = v.error ? ` showErrorMessage="1" errorStyle="stop" errorTitle="${xmlEscape(v.error.title)}" error="${xmlEscape(v.error.text)}"` : '';
      parts.push(
        `<dataValidation type="whole" operator="${operator}" allowBlank="1" showInputMessage="1"${error} promptTitle="${xmlEscape(v.prompt.title)}" prompt="${xmlEscape(v.prompt.text)}" sqref="${v.ref}">` +
          `<formula1>${v.min}</formula1>${v.max === undefined ? '' : `<formula2>${v.max}</formula2>`}</dataValidation>`,
      );
    }
    parts.push('</dataValidations>');
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  parts.push('</worksheet>');
  return parts.join('');
}

/**
 * The bytes of a workbook. Deterministic: the zip's entries have a fixed order and `date` as their
 * time, so the same sheets give the same file.
 */
export function writeXlsx(sheets: readonly SheetSpec[], opts: { headerFill: string; date: Date; title: string }): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const sheetEntries = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const iso = opts.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: Zippable = {
    '[Content_Types].xml': enc(
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        sheetEntries +
        '</Types>',
    ),
    '_rels/.rels': enc(
      XML_HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ),
    'docProps/core.xml': enc(
      XML_HEAD +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${xmlEscape(opts.title)}</dc:title><dc:creator>welkome-wijk</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
        '</cp:coreProperties>',
    ),
    'xl/workbook.xml': enc(
      XML_HEAD +
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': enc(
      XML_HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': enc(stylesXml(opts.headerFill)),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc(sheetXml(s, i === 0));
  });
  return zipSync(files, { level: 6, mtime: zipTime(opts.date) });
}

/**
 * The entries' time: the date's UTC fields read as local time (zip times are local, and fflate reads
 * local fields), so a machine's time zone never changes the bytes; held to the years a zip can store.
 */
function zipTime(d: Date): Date {
  if (d.getUTCFullYear() < 1980) return new Date(1980, 0, 1);
  if (d.getUTCFullYear() > 2099) return new Date(2099, 11, 31);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Why a file could not be read as a workbook; the caller words it with the file's name. */
export class WorkbookError extends Error {
  constructor(readonly reason: 'not-xlsx' | 'too-large') {
    super(reason);
  }
}

/** No answer sheet comes near this; a bigger part is a zip bomb or not ours to read. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** XML's five named entities and character references. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Excel writes characters XML cannot hold as _xHHHH_ (a line break in a cell as _x000D_). */
function unescapeExcel(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, '\n');
}

interface Tag {
  /** Local name, without a namespace prefix (`x:c` → `c`). */
  name: string;
  close: boolean;
  selfClosing: boolean;
  attrs: string;
}

type Token = { tag: Tag } | { text: string };

/**
 * Tags and text of an XML part; comments, declarations and processing instructions are left out.
 * A scanner rather than one regular expression: it looks at each character a bounded number of times,
 * so a crafted part (an unclosed quote after every '<') cannot make reading slow. A '<' that does not
 * start a tag (XML allows none inside a tag) is skipped, as a lenient reader would.
 */
function* tokens(xml: string): Generator<Token> {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { text: unescapeXml(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { text: unescapeXml(xml.slice(i, lt)) };
    const skipTo = (end: string, from: number) => {
      const at = xml.indexOf(end, from);
      return at < 0 ? n : at + end.length;
    };
    if (xml.startsWith('<!--', lt)) {
      i = skipTo('-->', lt + 4);
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      yield { text: xml.slice(lt + 9, end < 0 ? n : end) };
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      i = skipTo('>', lt + 2);
      continue;
    }
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const ch = xml[j];
      if (ch === '<') break;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    if (j >= n || xml[j] === '<') {
      i = j;
      continue;
    }
    const m = /^(\/?)([A-Za-z_][\w.:-]*)([\s\S]*?)(\/?)$/.exec(xml.slice(lt + 1, j));
    if (m) yield { tag: { name: m[2].replace(/^[\w.-]+:/, ''), close: m[1] === '/', selfClosing: m[4] === '/', attrs: m[3] } };
    i = j + 1;
  }
}

function attr(attrs: string, name: string): string | undefined {
  // No real tag has attributes this long; a crafted one is not searched.
  if (attrs.length > 100_000) return undefined;
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Text in `<t>` elements, per `<si>` (shared strings) or in one cell's `<is>`; phonetic runs left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let inT = false;
  let phonetic = 0;
  for (const tok of tokens(xml)) {
    if ('text' in tok) {
      if (inT && current !== undefined && phonetic === 0) current += tok.text;
      continue;
    }
    const { name, close, selfClosing } = tok.tag;
    if (name === 'si') {
      if (!close) current = '';
      if (close || selfClosing) {
        out.push(unescapeExcel(current ?? ''));
        current = undefined;
      }
    } else if (name === 't') inT = !close && !selfClosing;
    else if (name === 'rPh') phonetic += close ? -1 : selfClosing ? 0 : 1;
  }
  return out;
}

/** 'B12' → column 2, row 12. */
function parseRef(ref: string | undefined): { col: number; row: number } | undefined {
  const m = ref ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref) : null;
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

/** No sheet we read is this wide or long; a reference beyond it is a broken file, not a big survey. */
const MAX_ROWS = 100_000;
const MAX_COLS = 1_000;

function worksheet(xml: string, shared: readonly string[]): CellValue[][] {
  const rows: CellValue[][] = [];
  let rowIndex = 0;
  let colIndex = 0;
  let cell: { type?: string; value: string; inline: string } | undefined;
  let into: 'v' | 't' | undefined;
  let inInline = false;
  const finish = () => {
    if (!cell) return;
    let value: CellValue = null;
    const raw = cell.value.trim();
    switch (cell.type) {
      case 's':
        value = shared[Number(raw)] ?? null;
        break;
      case 'inlineStr':
        value = unescapeExcel(cell.inline);
        break;
      case 'str':
        value = unescapeExcel(cell.value);
        break;
      case 'b':
        value = raw === '1' || raw === 'true';
        break;
      case 'e':
        value = raw || '#ERROR';
        break;
      default:
        value = raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    if (value !== null && value !== '') {
      // Said, not dropped: a value far below or beside the sheet would otherwise vanish from the count.
      if (rowIndex > MAX_ROWS || colIndex > MAX_COLS) throw new WorkbookError('too-large');
      while (rows.length < rowIndex) rows.push([]);
      const row = rows[rowIndex - 1];
      while (row.length < colIndex) row.push(null);
      row[colIndex - 1] = value;
    }
    cell = undefined;
  };
  for (const tok of tokens(xml)) {
    if ('text' in tok) {
      if (cell && into === 'v') cell.value += tok.text;
      else if (cell && into === 't' && inInline) cell.inline += tok.text;
      continue;
    }
    const { name, close, selfClosing, attrs } = tok.tag;
    if (name === 'row' && !close) {
      const r = Number(attr(attrs, 'r'));
      rowIndex = Number.isInteger(r) && r > 0 ? r : rowIndex + 1;
      colIndex = 0;
    } else if (name === 'c') {
      if (!close) {
        const ref = parseRef(attr(attrs, 'r'));
        if (ref) {
          colIndex = ref.col;
          rowIndex = ref.row;
        } else colIndex++;
        cell = { type: attr(attrs, 't'), value: '', inline: '' };
        if (selfClosing) finish();
      } else finish();
    } else if (name === 'v') into = !close && !selfClosing ? 'v' : undefined;
    else if (name === 'is') inInline = !close && !selfClosing;
    else if (name === 't') into = !close && !selfClosing ? 't' : undefined;
    else if (name === 'rPh') inInline = close;
  }
  return rows;
}

/** Resolve a relationship target against the folder of the part that refers to it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(xml: string | undefined, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const tok of tokens(xml)) {
    if ('tag' in tok && tok.tag.name === 'Relationship' && !tok.tag.close) {
      const id = attr(tok.tag.attrs, 'Id');
      const target = attr(tok.tag.attrs, 'Target');
      if (id && target) out.set(id, { type: attr(tok.tag.attrs, 'Type') ?? '', target: resolveTarget(base, target) });
    }
  }
  return out;
}

/** The worksheets of a workbook in their tab order, as rows of values. */
export function readXlsx(bytes: Uint8Array): Sheet[] {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WorkbookError('not-xlsx');
  let entries: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        const wanted = file.name.endsWith('.xml') || file.name.endsWith('.rels');
        if (wanted && file.originalSize > MAX_PART_BYTES) tooLarge = true;
        return wanted && file.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch {
    throw new WorkbookError('not-xlsx');
  }
  if (tooLarge) throw new WorkbookError('too-large');
  const text = (name: string) => (entries[name] ? new TextDecoder().decode(entries[name]) : undefined);
  const root = relationships(text('_rels/.rels'), '');
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!workbook) throw new WorkbookError('not-xlsx');
  const relsPath = workbookPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = relationships(text(relsPath), workbookPath);
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const shared = sharedPath && text(sharedPath) ? sharedStrings(text(sharedPath)!) : [];
  const sheets: Sheet[] = [];
  for (const tok of tokens(workbook)) {
    if (!('tag' in tok) || tok.tag.name !== 'sheet' || tok.tag.close) continue;
    const name = attr(tok.tag.attrs, 'name') ?? `Sheet${sheets.length + 1}`;
    const id = attr(tok.tag.attrs, 'id');
    const target = id ? rels.get(id)?.target : undefined;
    const xml = target ? text(target) : undefined;
    // A chart sheet or a missing part has no cells to read.
    sheets.push({ name, rows: xml ? worksheet(xml, shared) : [] });
  }
  return sheets;
}

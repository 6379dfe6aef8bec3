// CSV as spreadsheets and online form tools write it: comma, semicolon or tab (found from the header
// line), quotes with doubled quotes inside, line breaks inside quotes, CRLF or LF, and the encodings
// Excel saves in (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 for Dutch Excel's "CSV").

export type CellValue = string | number | boolean | null;

/** A sheet as read: rows of cells, 1-based positions in the messages (row 1 is `rows[0]`). */
export interface Sheet {
  name: string;
  rows: CellValue[][];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a CSV file's bytes. Never fails: a file that is not UTF-8 is what Excel writes in Western Europe. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the first line, outside quotes: the most frequent of tab, semicolon and comma. */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([['\t', 0], [';', 0], [',', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/**
 * Rows of a CSV text. A quote that does not close runs to the end of the file, as spreadsheets read it.
 * Trailing empty lines are dropped; every field is text (or null when empty).
 */
export function parseCsv(text: string): CellValue[][] {
  const sep = separatorOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || wasQuoted || row.length) {
    endField();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c === null || c === '')) rows.pop();
  return rows;
}

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
function field(value: string, sep: string): string {
  return /["\r\n]/.test(value) || value.includes(sep) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file's bytes: UTF-8 with a BOM (so Excel reads accents right), CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[], sep: string): Uint8Array {
  const text = rows.map((r) => r.map((v) => field(v, sep)).join(sep)).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\ufeff${text}`);
}

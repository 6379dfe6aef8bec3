// Escaping for the HTML writer: every string from the Document is data, placed as text, as a quoted
// attribute value or as a CSS string, and never read as markup, script or style.

/**
 * Characters HTML forbids or a browser would change: C0 controls other than tab, newline and
 * carriage return, DEL and the C1 controls. They are shown as U+FFFD, as a reader would, rather
 * than dropped, so nothing is silently hidden. (A lone surrogate becomes U+FFFD when encoded.)
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source);

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text between tags, and attribute values (always written in double quotes): all five specials escaped. */
export function esc(text: string): string {
  return text.replace(FORBIDDEN, '\ufffd').replace(/[&<>"']/g, (c) => TEXT[c]);
}

/**
 * A CSS string literal for `content:` in the print stylesheet (running header and footer). Only
 * letters, digits, spaces and a few harmless marks stay as they are; everything else is a CSS
 * escape, so a quote, a backslash, a newline or `</style>` cannot end the string or the element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text.replace(FORBIDDEN, '\ufffd')) {
    const cp = ch.codePointAt(0)!;
    out += /[\p{L}\p{N} .,·:()\-–]/u.test(ch) ? ch : `\\${cp.toString(16)} `;
  }
  return `${out}"`;
}

/** Schemes a link may use: web pages, e-mail and phone. Anything else (javascript:, data:, a relative path) is shown as text. */
const SAFE_SCHEMES = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9][^\s]*)$/i;

/** The URL if it is safe to put in `href`, else undefined. */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  return SAFE_SCHEMES.test(trimmed) && !HAS_FORBIDDEN.test(trimmed) ? trimmed : undefined;
}

/** A number for CSS or SVG, written the same way on every machine (no exponent, at most 4 decimals). */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
}

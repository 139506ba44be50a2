// Keyword text rules shared by every way keywords enter the planner (CSV import, pasted lines,
// forms, the API) and by clustering: what is a valid keyword, and the dedupe key.

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const HAS_WORD_ASCII = /[a-z0-9]/i;
const HAS_WORD = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
/** Our own export's formula-injection guard: a quote in front of = + - @ (and tab/CR). */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘" };

/** The cleaned keyword, or why it cannot be one. */
export function checkKeyword(cell: string, maxLength: number): string | { reason: string } {
  let s = cell.trim();
  if (s === "") return { reason: "Empty keyword" };
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) {
      if (code < 0x20 || code === 0x7f) return { reason: "Keyword contains control characters (tabs, line breaks…)" };
      continue;
    }
    ascii = false;
    if (code <= 0x9f) return { reason: "Keyword contains control characters (tabs, line breaks…)" };
    if (code === 0xfffd) {
      return { reason: "Keyword contains characters that could not be decoded; save the file as UTF-8 or UTF-16" };
    }
  }
  if (s.charCodeAt(0) === 39) s = s.replace(FORMULA_GUARD, "");
  s = tidyKeyword(s, ascii);
  if (s === "") return { reason: "Empty keyword" };
  if (s.length > maxLength) {
    const length = [...s].length;
    if (length > maxLength) return { reason: `Keyword is longer than ${maxLength} characters (${length})` };
  }
  if (!(ascii ? HAS_WORD_ASCII : HAS_WORD).test(s)) {
    return { reason: "Keyword has no letters or digits (only punctuation or symbols)" };
  }
  return s;
}

/** NFKC, invisible characters removed, whitespace collapsed, surrounding quotes stripped. Case kept. */
export function tidyKeyword(input: string, ascii = ASCII_PRINTABLE.test(input)): string {
  let s = ascii ? input : input.normalize("NFKC").replace(INVISIBLE, "");
  s = s.trim();
  if (s.indexOf("  ") !== -1 || /[^\S ]/.test(s)) s = s.replace(/\s+/g, " ");
  for (;;) {
    const close = QUOTE_PAIRS[s[0]];
    if (close === undefined || s.length < 2 || s[s.length - 1] !== close) break;
    s = s.slice(1, -1).trim();
  }
  return s;
}

/**
 * The dedupe key for a keyword: NFKC, lowercase, trimmed, inner whitespace collapsed to one space,
 * surrounding quotes stripped. Rows from parseKeywordCsv keep their case; compare them by this.
 */
export function normalizeKeyword(keyword: string): string {
  return tidyKeyword(keyword).toLowerCase();
}

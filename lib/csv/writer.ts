// The one CSV writer of every export (csv-stringify): RFC 4180 quoting, CRLF line ends, a UTF-8
// BOM so Excel reads the file as UTF-8, and the formula-injection guard: a text cell starting
// with = + - @ (or tab/CR) gets a leading apostrophe, so spreadsheets show it as text.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | Date | null | undefined;

export const CSV_BOM = "\ufeff";
/** Spreadsheets run cells starting with these as formulas (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line (with its CRLF). Numbers are written as they are; text is guarded and quoted as needed. */
export function csvRow(cells: CsvCell[]): string {
  return stringify([cells], {
    record_delimiter: "\r\n",
    // Also quote cells with ";" (semicolon-locale Excel) and edge whitespace (kept exactly).
    quoted_match: [/;/, /[\r\n]/, /^\s/, /\s$/],
    cast: {
      string: (value) => guardFormula(value),
      number: (value) => (Number.isFinite(value) ? String(value) : ""),
      boolean: (value) => String(value),
      date: (value) => (Number.isNaN(value.getTime()) ? "" : value.toISOString()),
    },
  });
}

/** A whole small file: BOM, header and rows. */
export function csvDocument(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + [header, ...rows].map(csvRow).join("");
}

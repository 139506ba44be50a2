// Sniffing: byte encoding, then (on the decoded first lines) the header row, its format and delimiter.

import { AppError } from "@/lib/errors";
import { FORMAT_LABELS, SINGLE_COLUMN, identifyHeader, type ColumnMap, type HeaderMatch, type ImportFormat } from "./formats";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be";
export type Delimiter = "," | ";" | "\t";
export type DetectedFormat = { format: ImportFormat; encoding: Encoding; delimiter: Delimiter };

const SUPPORTED = `Supported: ${Object.values(FORMAT_LABELS).join(", ")} (one keyword per line, optionally under a "Keyword" header).`;

/** The file is not a keyword export we understand. The message is meant for the user. */
export class UnsupportedCsvError extends AppError {
  readonly status = 400;
  readonly code = "unsupported_csv";
  constructor(
    message: string,
    readonly headers: string[] = [],
  ) {
    super(`${message} ${SUPPORTED}`);
    this.name = "UnsupportedCsvError";
  }
}

/** The file is a recognised export but its CSV structure is broken (e.g. a quote never closed). */
export class MalformedCsvError extends AppError {
  readonly status = 400;
  readonly code = "malformed_csv";
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "MalformedCsvError";
  }
}

// ------------------------------------------------------------------------------------------ bytes

/** Bytes to read before choosing an encoding (BOM, or the NUL pattern of BOM-less UTF-16). */
export const ENCODING_SNIFF_BYTES = 512;

export function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  // No BOM: ASCII-heavy UTF-16 text has a NUL in every other byte.
  let evenNul = 0;
  let oddNul = 0;
  const n = head.length - (head.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (pairs >= 2 && evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return "utf-8";
}

/** A user-facing message when the bytes are a well-known binary format rather than text. */
export function sniffBinary(head: Uint8Array): string | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return "This is a ZIP or Excel (.xlsx) file, not a CSV. Search Console downloads are ZIP archives: unzip it and upload Queries.csv; save spreadsheets as CSV.";
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return "This is an old Excel (.xls) file, not a CSV. Save it as CSV and upload that.";
  }
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
    return "This is a PDF, not a CSV.";
  }
  return null;
}

// ------------------------------------------------------------------------------------------ lines

/** Split one line into cells, honouring double quotes ("a,b" and "" escapes). */
export function splitLine(line: string, delimiter: string): string[] {
  if (line.indexOf('"') === -1) return line.split(delimiter);
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
      atStart = true;
      continue;
    } else if (ch === '"' && atStart) {
      quoted = true;
    } else {
      cell += ch;
    }
    atStart = false;
  }
  cells.push(cell);
  return cells;
}

type SampleLine = { text: string; number: number; end: number };

/** Physical lines of the sample (\r\n, \n or \r), with the offset just past each terminator. */
function sampleLines(sample: string, complete: boolean, max: number): SampleLine[] {
  const lines: SampleLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while (lines.length < max && (match = re.exec(sample)) !== null) {
    lines.push({ text: sample.slice(start, match.index), number: lines.length + 1, end: re.lastIndex });
    start = re.lastIndex;
  }
  if (complete && lines.length < max && start < sample.length) {
    lines.push({ text: sample.slice(start), number: lines.length + 1, end: sample.length });
  }
  return lines;
}

// ------------------------------------------------------------------------------------------ layout

export type Layout = {
  format: ImportFormat;
  delimiter: Delimiter;
  columns: ColumnMap;
  /** Header cells as written (for messages); ["keyword"] when there is no header. */
  headers: string[];
  /** 1-based physical line of the header row; 0 when the file has none. */
  headerLine: number;
  /** Offset in the sample where data rows begin (just past the header row). */
  dataOffset: number;
  /** One keyword per line: the whole line is the keyword, quotes are not CSV syntax. */
  singleColumn: boolean;
};

const DELIMITERS: Delimiter[] = ["\t", ";", ","];
/** Tools put up to a few title lines above the header (Keyword Planner: two). */
const HEADER_SCAN_LINES = 30;
export const SAMPLE_LINES = 50;

/**
 * Find the header row and format in the decoded start of the file.
 * `complete` = the sample is the whole file. Throws UnsupportedCsvError.
 */
export function detectLayout(sample: string, complete: boolean): Layout {
  const lines = sampleLines(sample, complete, SAMPLE_LINES);
  const nonBlank = lines.filter((l) => l.text.trim() !== "");
  if (nonBlank.length === 0) {
    if (complete) throw new UnsupportedCsvError("The file is empty.");
    throw new UnsupportedCsvError("No data in the first lines of the file.");
  }

  for (const line of nonBlank) {
    if (line.number > HEADER_SCAN_LINES) break;
    const header = bestHeader(line.text);
    if (!header) continue;
    // A bare "keyword"-style header only counts as the first line; deeper, it is just a keyword.
    if (header.format === "plain_list" && line !== nonBlank[0]) continue;
    return {
      format: header.format,
      delimiter: header.cells.length > 1 ? header.delimiter : ",",
      columns: header.cells.length > 1 ? header.columns : SINGLE_COLUMN,
      headers: header.cells.map((c) => c.trim()),
      headerLine: line.number,
      dataOffset: line.end,
      singleColumn: header.cells.length === 1,
    };
  }

  // No header: accept a single-column list; anything with consistent columns is an unknown table.
  const firstCells = splitLine(nonBlank[0].text, guessDelimiter(nonBlank[0].text));
  for (const d of DELIMITERS) {
    const multi = nonBlank.filter((l) => splitLine(l.text, d).length > 1).length;
    if (multi > 0 && multi >= nonBlank.length / 2) {
      const shown = firstCells.slice(0, 20).map((c) => JSON.stringify(truncate(c.trim(), 40)));
      throw new UnsupportedCsvError(
        `Unrecognised file: no keyword column found (headers on line ${nonBlank[0].number}: ${shown.join(", ")}).`,
        firstCells.map((c) => c.trim()),
      );
    }
  }
  return {
    format: "plain_list",
    delimiter: ",",
    columns: SINGLE_COLUMN,
    headers: ["keyword"],
    headerLine: 0,
    dataOffset: 0,
    singleColumn: true,
  };
}

function bestHeader(text: string): (HeaderMatch & { delimiter: Delimiter; cells: string[] }) | null {
  let best: (HeaderMatch & { delimiter: Delimiter; cells: string[] }) | null = null;
  for (const delimiter of DELIMITERS) {
    const cells = splitLine(text, delimiter);
    const match = identifyHeader(cells);
    if (!match) continue;
    const rank = (m: HeaderMatch, c: string[]) => [m.format === "plain_list" ? 0 : 1, m.score, c.length];
    if (!best || compareRank(rank(match, cells), rank(best, best.cells)) > 0) best = { ...match, delimiter, cells };
  }
  return best;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function guessDelimiter(text: string): Delimiter {
  let best: Delimiter = ",";
  let most = 1;
  for (const d of DELIMITERS) {
    const n = splitLine(text, d).length;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

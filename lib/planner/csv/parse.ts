// Streaming keyword-export parser: bytes → (sniffed) text → csv-parse → normalised rows.
// Nothing here holds more than the first few lines plus a few stream buffers of the file.

import { Readable, pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import {
  ENCODING_SNIFF_BYTES,
  MalformedCsvError,
  SAMPLE_LINES,
  UnsupportedCsvError,
  detectLayout,
  sniffBinary,
  sniffEncoding,
  type DetectedFormat,
  type Layout,
} from "./detect";
import { SUMMARY_ROW, isTruthyFlag, parseIntent, type Intent } from "./formats";
import { parseNumber } from "./numbers";
import { checkKeyword } from "../keyword-text";

export type ParsedRow =
  | { kind: "row"; line: number; keyword: string; volume: number | null; difficulty: number | null; cpc: number | null; intent: Intent | null }
  | { kind: "invalid"; line: number; raw: string; reason: string };

export type ParseOptions = {
  onFormat?: (format: DetectedFormat) => void;
  /** Longest accepted keyword, in characters after normalisation. Default 255. */
  maxKeywordLength?: number;
};

/** Characters of decoded text to look at, at most, when looking for the header row. */
const SAMPLE_MAX_CHARS = 256 * 1024;
/** A single row longer than this is a broken file (usually a quote that never closes). */
const MAX_RECORD_CHARS = 1_000_000;
/** `raw` of an invalid row is for display; cap it. */
const MAX_RAW_CHARS = 500;

/**
 * Parse a keyword export (Google Keyword Planner, Ahrefs, Semrush, Search Console, plain list).
 * Yields one ParsedRow per non-blank data line, as the input streams in.
 * Throws UnsupportedCsvError (unknown file) or MalformedCsvError (broken CSV structure).
 */
export async function* parseKeywordCsv(
  input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const source = byteIterator(input);
  let done = false;
  const next = async (): Promise<Uint8Array | null> => {
    if (done) return null;
    const r = await source.next();
    if (r.done) {
      done = true;
      return null;
    }
    return r.value;
  };

  try {
    // 1. Encoding, from the first bytes.
    const headChunks: Uint8Array[] = [];
    let headLength = 0;
    while (headLength < ENCODING_SNIFF_BYTES) {
      const chunk = await next();
      if (chunk === null) break;
      headChunks.push(chunk);
      headLength += chunk.byteLength;
    }
    const head = Buffer.concat(headChunks);
    const binary = sniffBinary(head);
    if (binary) throw new UnsupportedCsvError(binary);
    const encoding = sniffEncoding(head);
    // TextDecoder (stream mode) carries partial code units and surrogate pairs across chunks, and drops the BOM.
    const decoder = new TextDecoder(encoding);

    // 2. Header row, from the first lines.
    const sampleBytes: Uint8Array[] = [head];
    let sample = decoder.decode(head, { stream: true });
    const breaks = { count: countBreaks(sample, false), endsWithCr: sample.endsWith("\r") };
    while (!done && (breaks.count <= SAMPLE_LINES || breaks.endsWithCr) && sample.length < SAMPLE_MAX_CHARS) {
      const chunk = await next();
      if (chunk === null) break;
      sampleBytes.push(chunk);
      const text = decoder.decode(chunk, { stream: true });
      breaks.count += countBreaks(text, breaks.endsWithCr);
      if (text) breaks.endsWithCr = text.endsWith("\r");
      sample += text;
    }
    if (done) sample += decoder.decode();
    const layout = detectLayout(sample, done);
    options.onFormat?.({ format: layout.format, encoding, delimiter: layout.delimiter });

    // 3. The rest through csv-parse. UTF-8 goes in as the original bytes (no decode/re-encode) when the
    //    sample decoded cleanly; UTF-16 is decoded here and handed over as text.
    const prefix = sample.slice(0, layout.dataOffset);
    let first: Uint8Array | string | null =
      encoding === "utf-8" && !prefix.includes("\ufffd")
        ? Buffer.concat(sampleBytes).subarray(utf8BomLength(head) + Buffer.byteLength(prefix))
        : sample.slice(layout.dataOffset);
    const passBytes = typeof first !== "string";
    sample = "";
    sampleBytes.length = 0;
    async function* body(): AsyncGenerator<Uint8Array | string> {
      if (first !== null && first.length > 0) yield first;
      first = null;
      for (let chunk = await next(); chunk !== null; chunk = await next()) {
        if (passBytes) {
          yield chunk;
        } else {
          const decoded = decoder.decode(chunk, { stream: true });
          if (decoded) yield decoded;
        }
      }
      if (!passBytes) {
        const tail = decoder.decode();
        if (tail) yield tail;
      }
    }
    const parser = parse({
      delimiter: layout.delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      quote: layout.singleColumn ? false : '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false, // we count every physical line ourselves
      max_record_size: MAX_RECORD_CHARS,
      bom: false,
    });
    pipeline(Readable.from(body(), { objectMode: true, highWaterMark: 2 }), parser, () => {
      // Errors surface through the iteration below; early exits destroy the pipeline on purpose.
    });

    const toRow = rowConverter(layout, options.maxKeywordLength ?? 255);
    let line = layout.headerLine + 1;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        const row = toRow(record, line);
        line += 1 + breaksInRecord(record);
        if (row !== null) yield row;
      }
    } catch (error) {
      throw error instanceof CsvError ? malformed(error, layout.headerLine) : error;
    } finally {
      parser.destroy();
    }
  } finally {
    await source.return?.();
  }
}

function malformed(error: CsvError, headerLine: number): MalformedCsvError {
  // csv-parse's own line count: where reading stopped, not where the offending quote opened.
  const at = typeof error.lines === "number" ? error.lines + headerLine : null;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new MalformedCsvError('A quoted cell is never closed: the file ends inside quotes. Look for a stray " at the start of a cell.', null);
    case "CSV_MAX_RECORD_SIZE":
      return new MalformedCsvError(
        `A row is longer than ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters (reading stopped near line ${at ?? "?"}); usually a stray " at the start of a cell opens a quote that never closes.`,
        at,
      );
    default:
      return new MalformedCsvError(`The file is not valid CSV near line ${at ?? "?"}: ${error.message}`, at);
  }
}

// ------------------------------------------------------------------------------------------ rows

type RowConverter = (record: string[], line: number) => ParsedRow | null;

function rowConverter(layout: Layout, maxKeywordLength: number): RowConverter {
  const { columns: c, delimiter, singleColumn } = layout;
  const name = (index: number) => layout.headers[index] || `column ${index + 1}`;
  const decimalComma = delimiter === ";";
  const skipSummaries = layout.format !== "plain_list";
  const raw = (record: string[]) => truncateRaw(record.join(delimiter));

  return (record, line) => {
    let cell: string;
    if (singleColumn) {
      // Quotes are not syntax here; the whole physical line is the keyword.
      cell = unquoteLine(record.length === 1 ? record[0] : record.join(delimiter));
      if (cell.trim() === "") return null;
    } else {
      if (isBlank(record)) return null;
      cell = c.keyword < record.length ? record[c.keyword] : "";
    }

    const checked = checkKeyword(cell, maxKeywordLength);
    if (typeof checked !== "string") {
      return { kind: "invalid", line, raw: raw(record), reason: checked.reason };
    }
    if (skipSummaries && SUMMARY_ROW.test(checked)) return null;

    let volume: number | null = null;
    let difficulty: number | null = null;
    let cpc: number | null = null;
    let intent: Intent | null = null;

    if (c.volume !== -1) {
      const v = number(record, c.volume, "integer");
      if (typeof v === "string") return { kind: "invalid", line, raw: raw(record), reason: v };
      volume = v === null ? null : Math.round(v);
    }
    if (c.difficulty !== -1) {
      const v = number(record, c.difficulty, "decimal", true);
      if (typeof v === "string") return { kind: "invalid", line, raw: raw(record), reason: v };
      if (v !== null && (v < 0 || v > 100)) {
        const shown = JSON.stringify(record[c.difficulty].trim());
        return { kind: "invalid", line, raw: raw(record), reason: `${name(c.difficulty)} ${shown} is outside 0–100` };
      }
      difficulty = v;
    }
    if (c.cpc !== -1) {
      const v = number(record, c.cpc, "decimal");
      if (typeof v === "string") return { kind: "invalid", line, raw: raw(record), reason: v };
      cpc = v;
    } else if (c.cpcLow !== -1 || c.cpcHigh !== -1) {
      // Keyword Planner: midpoint of the top-of-page bid range (or whichever end is present).
      const low = c.cpcLow === -1 ? null : number(record, c.cpcLow, "decimal");
      if (typeof low === "string") return { kind: "invalid", line, raw: raw(record), reason: low };
      const high = c.cpcHigh === -1 ? null : number(record, c.cpcHigh, "decimal");
      if (typeof high === "string") return { kind: "invalid", line, raw: raw(record), reason: high };
      cpc = low !== null && high !== null ? Math.round(((low + high) / 2) * 1e6) / 1e6 : (low ?? high);
    }
    if (c.intent !== -1 && c.intent < record.length) intent = parseIntent(record[c.intent]);
    if (intent === null) {
      for (const flag of c.intentFlags) {
        if (flag.index < record.length && isTruthyFlag(record[flag.index])) {
          intent = flag.intent;
          break;
        }
      }
    }
    return { kind: "row", line, keyword: checked, volume, difficulty, cpc, intent };
  };

  /** The cell as a (non-negative) number, null when empty, or the reason it is invalid. */
  function number(record: string[], index: number, kind: "integer" | "decimal", allowNegative = false): number | null | string {
    if (index >= record.length) return null;
    const text = record[index];
    const value = parseNumber(text, { kind, decimalComma });
    if (value === null) return null;
    if (Number.isNaN(value)) return `${name(index)} ${JSON.stringify(truncateRaw(text.trim(), 60))} is not a number`;
    if (value < 0 && !allowNegative) return `${name(index)} ${JSON.stringify(text.trim())} is negative`;
    return value;
  }
}

function isBlank(record: string[]): boolean {
  for (const cell of record) if (cell !== "" && cell.trim() !== "") return false;
  return true;
}

/** A one-keyword line written with CSV quoting: "red ""x"" shoes" → red "x" shoes. */
function unquoteLine(line: string): string {
  const s = line.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  return line;
}

function truncateRaw(s: string, max = MAX_RAW_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// ------------------------------------------------------------------------------------------ keywords

// ------------------------------------------------------------------------------------------ plumbing

function byteIterator(input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  if (Symbol.asyncIterator in input) return (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return readStream(input as ReadableStream<Uint8Array>);
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function utf8BomLength(head: Uint8Array): number {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/** Line breaks in a text piece; `afterCr` = the previous piece ended with \r (so a leading \n is its pair). */
function countBreaks(text: string, afterCr: boolean): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (i > 0 ? text.charCodeAt(i - 1) !== 13 : !afterCr) count++;
  }
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) count++;
  return count;
}

/** Physical line breaks inside a record's cells (quoted multi-line cells). */
function breaksInRecord(record: string[]): number {
  let count = 0;
  for (const cell of record) {
    if (cell.length !== 0 && (cell.indexOf("\n") !== -1 || cell.indexOf("\r") !== -1)) count += countBreaks(cell, false);
  }
  return count;
}

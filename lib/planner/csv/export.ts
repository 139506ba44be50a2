// Streaming keyword export: UTF-8 CSV with a BOM (so Excel reads it as UTF-8), RFC 4180 quoting,
// CRLF line ends, and formula-injection protection. parseKeywordCsv reads it back (plain_list).

export type ExportKeywordRow = {
  keyword: string;
  volume: number | null;
  difficulty: number | null;
  cpc: number | null;
  intent: string | null;
  status: string;
  clusterNames: string[];
  createdAt: Date;
};

export const EXPORT_HEADER = "keyword,volume,difficulty,cpc,intent,status,clusters,created_at";

/** Rows are batched into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;
/** Spreadsheets run cells starting with these as formulas (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function keywordsToCsv(rows: AsyncIterable<ExportKeywordRow>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<ExportKeywordRow> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`\ufeff${EXPORT_HEADER}\r\n`));
      },
      async pull(controller) {
        iterator ??= rows[Symbol.asyncIterator]();
        let text = "";
        while (text.length < CHUNK_CHARS) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += csvLine(next.value);
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel(reason) {
        await iterator?.return?.(reason);
      },
    },
    { highWaterMark: 1 },
  );
}

function csvLine(row: ExportKeywordRow): string {
  return [
    textCell(row.keyword),
    numberCell(row.volume),
    numberCell(row.difficulty),
    numberCell(row.cpc),
    textCell(row.intent ?? ""),
    textCell(row.status),
    textCell(row.clusterNames.join("; ")),
    Number.isNaN(row.createdAt.getTime()) ? "" : row.createdAt.toISOString(),
  ].join(",") + "\r\n";
}

function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "" : String(value);
}

/** Quote when needed; neutralise formula starts with a leading apostrophe (shown as text by spreadsheets). */
export function textCell(value: string): string {
  const s = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

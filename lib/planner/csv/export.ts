// Streaming keyword export through the shared CSV writer (lib/csv/writer.ts: BOM, RFC 4180
// quoting, CRLF, formula guard). parseKeywordCsv reads it back (plain_list).
import { CSV_BOM, csvRow } from "@/lib/csv/writer";

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

export function keywordsToCsv(rows: AsyncIterable<ExportKeywordRow>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<ExportKeywordRow> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`${CSV_BOM}${EXPORT_HEADER}\r\n`));
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
  return csvRow([row.keyword, row.volume, row.difficulty, row.cpc, row.intent ?? "", row.status, row.clusterNames.join("; "), row.createdAt]);
}

/** A text cell as the export writes it (guarded and quoted); kept for callers and tests. */
export function textCell(value: string): string {
  return csvRow([value]).slice(0, -2);
}

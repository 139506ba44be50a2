// Answers an import request: either one JSON report, or an NDJSON stream of progress events
// ending with the report (what the import dialog reads to show a progress bar).
import type { AppContext } from "@/lib/auth/service";
import type { ScopedDb } from "@/lib/db/scoped";
import { snakeKeys } from "@/lib/http/case";
import { mapError } from "@/lib/http/errors";
import { importKeywordsCsv, type ImportProgress } from "./import";

type Options = { siteId: number; sectorId: number; body: ReadableStream<Uint8Array>; streamProgress: boolean };

export async function importFromRequest(db: ScopedDb, ctx: AppContext, { siteId, sectorId, body, streamProgress }: Options): Promise<unknown> {
  if (!streamProgress) return importKeywordsCsv(db, ctx, { siteId, sectorId, body });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(snakeKeys(event))}\n`));
      try {
        const report = await importKeywordsCsv(db, ctx, { siteId, sectorId, body, onProgress: (p: ImportProgress) => send({ type: "progress", ...p }) });
        send({ type: "done", report });
      } catch (error) {
        const mapped = mapError(error);
        send({ type: "error", status: mapped.status, message: mapped.message, code: mapped.code });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

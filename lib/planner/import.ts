// Streaming CSV import. Rows are parsed as the upload arrives and streamed with COPY into a
// temporary table (nothing holds the whole file); then one INSERT … ON CONFLICT moves the new
// ones into `keywords`. Duplicates (in the file or already in the sector) and invalid rows are
// reported with line numbers and reasons.
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import { emitForRows } from "@/lib/automation/events";
import { pgPool } from "@/lib/db/pg";
import type { ScopedDb } from "@/lib/db/scoped";
import { assertWithinLimit } from "@/lib/plans/limits";
import { assertActiveSector } from "@/lib/sites/placement";
import { RELEASE_TRASHED_KEYWORDS_SQL } from "@/lib/trash/keywords";
import { parseKeywordCsv, type DetectedFormat } from "./csv";
import { normalizeKeyword } from "./keyword-text";

/** Per-row details kept for the report; counts are always exact. */
const MAX_REPORTED_ROWS = 10_000;
const PROGRESS_EVERY = 2_000;

export type ImportRowOutcome = { line: number; keyword: string; outcome: "invalid" | "duplicate_in_file" | "duplicate_in_sector"; reason: string };
export type ImportReport = {
  format: DetectedFormat | null;
  rows: number;
  imported: number;
  duplicatesInFile: number;
  duplicatesInSector: number;
  invalid: number;
  details: ImportRowOutcome[];
  detailsTruncated: boolean;
};
export type ImportProgress = { phase: "reading" | "saving"; rows: number; bytes: number };

type Input = { siteId: number; sectorId: number; body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>; onProgress?: (p: ImportProgress) => void };

const copyText = (value: string | number | null) =>
  value === null ? "\\N" : String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

export async function importKeywordsCsv(db: ScopedDb, ctx: AppContext, { siteId, sectorId, body, onProgress }: Input): Promise<ImportReport> {
  assertCan(ctx.role, "write");
  const sector = await assertActiveSector(db, siteId, sectorId);
  const accountId = sector.accountId;
  const report: ImportReport = { format: null, rows: 0, imported: 0, duplicatesInFile: 0, duplicatesInSector: 0, invalid: 0, details: [], detailsTruncated: false };
  const note = (row: ImportRowOutcome) => {
    if (report.details.length < MAX_REPORTED_ROWS) report.details.push(row);
    else report.detailsTruncated = true;
  };
  let bytes = 0;
  async function* counted() {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      yield chunk;
    }
  }

  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    // One import per account at a time, so the plan-limit check below cannot be raced.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('keyword-import'), $1)", [accountId]);
    await client.query(`CREATE TEMP TABLE kw_import (line int, keyword text, normalized text, volume int, difficulty int, cpc numeric, intent text) ON COMMIT DROP`);

    const seen = new Set<string>();
    async function* copyLines() {
      let batch = "";
      for await (const row of parseKeywordCsv(counted(), { onFormat: (f) => (report.format = f) })) {
        report.rows++;
        if (report.rows % PROGRESS_EVERY === 0) onProgress?.({ phase: "reading", rows: report.rows, bytes });
        if (row.kind === "invalid") {
          report.invalid++;
          note({ line: row.line, keyword: row.raw, outcome: "invalid", reason: row.reason });
          continue;
        }
        const normalized = normalizeKeyword(row.keyword);
        if (seen.has(normalized)) {
          report.duplicatesInFile++;
          note({ line: row.line, keyword: row.keyword, outcome: "duplicate_in_file", reason: "Appears earlier in the file" });
          continue;
        }
        seen.add(normalized);
        const volume = row.volume === null ? null : Math.min(Math.round(row.volume), 2_000_000_000);
        batch += [row.line, copyText(row.keyword), copyText(normalized), copyText(volume), copyText(row.difficulty === null ? null : Math.round(row.difficulty)), copyText(row.cpc), copyText(row.intent)].join("\t") + "\n";
        if (batch.length > 64 * 1024) {
          yield batch;
          batch = "";
        }
      }
      if (batch) yield batch;
    }
    await pipeline(Readable.from(copyLines()), client.query(copyFrom("COPY kw_import FROM STDIN")));
    onProgress?.({ phase: "saving", rows: report.rows, bytes });
    // A trashed keyword re-imported comes back as a new row (lib/trash/keywords.ts).
    await client.query(RELEASE_TRASHED_KEYWORDS_SQL, [siteId, sectorId, accountId]);

    const { rows: [counts] } = await client.query<{ fresh: number; existing: number }>(
      `SELECT count(*) FILTER (WHERE k.id IS NULL)::int AS fresh, count(k.id)::int AS existing
       FROM kw_import s LEFT JOIN keywords k ON k."siteId" = $1 AND k."sectorId" = $2 AND k.normalized = s.normalized`,
      [siteId, sectorId],
    );
    await assertWithinLimit(accountId, "keywords", counts.fresh);
    report.duplicatesInSector = counts.existing;
    if (counts.existing) {
      const { rows } = await client.query<{ line: number; keyword: string }>(
        `SELECT s.line, s.keyword FROM kw_import s JOIN keywords k ON k."siteId" = $1 AND k."sectorId" = $2 AND k.normalized = s.normalized ORDER BY s.line LIMIT $3`,
        [siteId, sectorId, MAX_REPORTED_ROWS],
      );
      rows.forEach((r) => note({ line: r.line, keyword: r.keyword, outcome: "duplicate_in_sector", reason: "Already in this sector" }));
    }
    const inserted = await client.query(
      `INSERT INTO keywords ("accountId", "siteId", "sectorId", keyword, normalized, volume, difficulty, cpc, intent, status, source, "createdAt", "updatedAt")
       SELECT $1, $2, $3, keyword, normalized, volume, difficulty, cpc, intent::"KeywordIntent", 'pending', 'csv_import', now(), now() FROM kw_import ORDER BY line
       ON CONFLICT ("siteId", "sectorId", normalized) DO NOTHING`,
      [accountId, siteId, sectorId],
    );
    report.imported = inserted.rowCount ?? 0;
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  report.details.sort((a, b) => a.line - b.line);
  if (report.imported) await emitForRows(db, ctx, "keywords.imported", [{ siteId, sectorId }], `import:${randomUUID()}`);
  return report;
}

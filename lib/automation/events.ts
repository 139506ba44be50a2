// Where the pipeline says what happened, for rules triggered by events. Imported lazily so the
// modules that emit never load automation (and its imports) unless an event is sent. Never throws.
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { log } from "@/lib/log";
import type { AutomationEvent } from "./schemas";

type Placed = { siteId: number; sectorId: number };

/** One event per site and sector the rows belong to; `key` identifies the occurrence (a run id, an import). */
export async function emitForRows(db: ScopedDb, ctx: TenantContext, type: AutomationEvent, rows: Placed[], key: string): Promise<number> {
  if (!rows.length || ctx.role === "viewer") return 0;
  try {
    const { emitAutomationEvent } = await import("./service");
    const places = new Map(rows.map((r) => [`${r.siteId}:${r.sectorId}`, r]));
    let started = 0;
    for (const place of places.values()) started += await emitAutomationEvent(db, ctx, { type, siteId: place.siteId, sectorId: place.sectorId, key });
    return started;
  } catch (error) {
    log.warn("automation event not sent", { type, key, error: (error as Error).message });
    return 0;
  }
}

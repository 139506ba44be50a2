// Resource tracking for developers (the reference's ResourceTrackingMiddleware): a developer sends
// `X-Resource-Tracking: on` with a request; the answer carries `X-Resource-Tracking-ID`, and the
// request's time, database queries, query time and memory are read at
// GET /api/v1/admin/metrics/requests/{tracking_id}/ (by that developer, for a day). Off by default:
// without the header nothing is measured, and a query costs one AsyncLocalStorage lookup.
import { randomUUID } from "node:crypto";
import type { ScopedDb } from "@/lib/db/scoped";
import { rootDb } from "@/lib/db/client";
import type { TenantContext } from "@/lib/db/tenant-context";
import { queryTracking, type QueryTracker } from "@/lib/db/query-tracking";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";

export const TRACKING_REQUEST_HEADER = "x-resource-tracking";
export const TRACKING_ID_HEADER = "X-Resource-Tracking-ID";
const KEEP_MS = 86_400_000;
const PRUNE_EVERY = 200;
let writes = 0;

export function trackingRequested(headers: Headers): boolean {
  const value = headers.get(TRACKING_REQUEST_HEADER)?.trim().toLowerCase();
  return value === "on" || value === "1" || value === "true";
}

type Started = { tracker: QueryTracker; started: number; heapBefore: number };

/** Runs `work` with its database queries counted. */
export async function withResourceTracking<T>(work: () => Promise<T>): Promise<{ result: T; finish: (fields: { ctx: TenantContext | null; requestId: string; method: string; path: string; status: number }) => Promise<string | null> }> {
  const state: Started = { tracker: { queries: 0, queryMs: 0 }, started: performance.now(), heapBefore: process.memoryUsage().heapUsed };
  const result = await queryTracking.run(state.tracker, work);
  return { result, finish: (fields) => recordTracking(state, fields) };
}

/** Stores the metrics of a developer's tracked request; null (nothing stored) for anyone else. */
async function recordTracking(state: Started, fields: { ctx: TenantContext | null; requestId: string; method: string; path: string; status: number }): Promise<string | null> {
  const { ctx } = fields;
  if (!ctx || ctx.role !== "developer" || !ctx.userId) return null;
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100;
  const id = randomUUID();
  try {
    await rootDb().resourceTracking.create({
      data: {
        id,
        accountId: ctx.accountId,
        userId: ctx.userId,
        requestId: fields.requestId,
        method: fields.method,
        path: fields.path.slice(0, 300),
        status: fields.status,
        durationMs: Math.round((performance.now() - state.started) * 100) / 100,
        queries: state.tracker.queries,
        queryMs: Math.round(state.tracker.queryMs * 100) / 100,
        heapUsedMb: mb(memory.heapUsed),
        heapDeltaMb: mb(memory.heapUsed - state.heapBefore),
        rssMb: mb(memory.rss),
      },
    });
    if (++writes % PRUNE_EVERY === 0) await rootDb().resourceTracking.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
    return id;
  } catch (error) {
    log.warn("resource tracking not recorded", { error, requestId: fields.requestId });
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The metrics of one of the caller's tracked requests (another developer's id → 404). */
export async function getResourceTracking(db: ScopedDb, ctx: TenantContext, trackingId: string) {
  if (!UUID.test(trackingId)) throw new ValidationError("Use the id from the X-Resource-Tracking-ID header.", { trackingId: ["Not a tracking id."] });
  const row = await db.resourceTracking.findFirst({ where: { id: trackingId.toLowerCase(), userId: ctx.userId ?? -1, createdAt: { gte: new Date(Date.now() - KEEP_MS) } } });
  if (!row) throw new NotFoundError("Tracked request");
  const { accountId: _a, id, ...rest } = row;
  return { trackingId: id, ...rest };
}

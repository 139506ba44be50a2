// Request metrics (the reference's resource tracking): duration, CPU and memory per API request
// and server action. CPU is the process's usage during the request, so it is approximate when
// requests overlap. Rows older than RETENTION_DAYS are pruned as new ones arrive.
import { env } from "@/lib/config/env";
import { rootDb } from "@/lib/db/client";
import { log } from "@/lib/log";

export const RETENTION_DAYS = 7;
const PRUNE_EVERY = 500;
let writes = 0;

export type RequestProbe = { finish: (fields: { requestId: string; kind: "api" | "action"; method: string; path: string; status: number; accountId?: number | null; userId?: number | null }) => void };

export function startRequestProbe(): RequestProbe {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return {
    finish(fields) {
      if (!env.REQUEST_METRICS || !env.DATABASE_URL) return;
      const used = process.cpuUsage(cpu);
      const memory = process.memoryUsage();
      const row = {
        ...fields,
        path: fields.path.slice(0, 300),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        cpuUserMs: used.user / 1000,
        cpuSystemMs: used.system / 1000,
        rssMb: Math.round((memory.rss / 1048576) * 10) / 10,
        heapUsedMb: Math.round((memory.heapUsed / 1048576) * 10) / 10,
      };
      void record(row);
    },
  };
}

async function record(row: Parameters<RequestProbe["finish"]>[0] & Record<string, unknown>) {
  try {
    await rootDb().requestMetric.create({ data: row as never });
    if (++writes % PRUNE_EVERY === 0) {
      await rootDb().requestMetric.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RETENTION_DAYS * 86_400_000) } } });
    }
  } catch (error) {
    log.debug("request metric not recorded", { error });
  }
}

export async function listRequestMetrics(filter: { path?: string; hours?: number; limit?: number }) {
  const since = new Date(Date.now() - (filter.hours ?? 24) * 3_600_000);
  const where = { createdAt: { gte: since }, ...(filter.path ? { path: { contains: filter.path } } : {}) };
  const [recent, byPath] = await Promise.all([
    rootDb().requestMetric.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.limit ?? 100 }),
    rootDb().requestMetric.groupBy({ by: ["method", "path"], where, _count: { _all: true }, _avg: { durationMs: true, cpuUserMs: true, heapUsedMb: true }, _max: { durationMs: true }, orderBy: { _count: { path: "desc" } }, take: 50 }),
  ]);
  return {
    recent: recent.map((r) => ({ ...r, id: Number(r.id) })),
    byPath: byPath.map((g) => ({ method: g.method, path: g.path, count: g._count._all, avgMs: g._avg.durationMs ?? 0, maxMs: g._max.durationMs ?? 0, avgCpuMs: g._avg.cpuUserMs ?? 0, avgHeapMb: g._avg.heapUsedMb ?? 0 })),
  };
}

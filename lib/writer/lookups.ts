import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";

/** Cluster names for a page of rows (Task.clusterId is a plain id, not a relation). */
export async function clusterNames(db: ScopedDb, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
  if (!unique.length) return new Map();
  const clusters = await db.cluster.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(clusters.map((c) => [c.id, c.name]));
}

/** Bulk actions are all-or-nothing: an id the caller cannot see fails the whole request with 404. */
export async function assertAllVisible(found: number, ids: number[], what: string) {
  if (found !== new Set(ids).size) throw new NotFoundError(what);
}

/** `created_at` (REST) and `createdAt` (UI) name the same ordering field. */
export function camelOrdering(ordering: string | undefined): string | undefined {
  return ordering?.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

// Foreign ids in request bodies (cluster, idea, author profile, strategy, task, content) are not
// checked by the scoped client: it scopes the row being written, not the ids inside it. Every id a
// caller names is looked up here through the scoped client first, so another account's (or an
// inaccessible site's) ids answer 404 and are never stored.
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";

export type Placement = { siteId: number; sectorId: number };

function samePlacement(what: string, row: Placement, placement: Placement, field: string) {
  if (row.siteId !== placement.siteId || row.sectorId !== placement.sectorId) {
    throw new ValidationError(`The ${what} belongs to another site or sector.`, { [field]: [`Choose a ${what} of this site and sector.`] });
  }
}

export async function assertClusterUsable(db: ScopedDb, clusterId: number, placement: Placement) {
  const cluster = await db.cluster.findFirst({ where: { id: clusterId }, select: { siteId: true, sectorId: true } });
  if (!cluster) throw new NotFoundError("Cluster");
  samePlacement("cluster", cluster, placement, "clusterId");
}

export async function assertIdeaUsable(db: ScopedDb, ideaId: number, placement: Placement) {
  const idea = await db.contentIdea.findFirst({ where: { id: ideaId }, select: { siteId: true, sectorId: true } });
  if (!idea) throw new NotFoundError("Idea");
  samePlacement("idea", idea, placement, "ideaId");
}

export async function assertAuthorProfileUsable(db: ScopedDb, authorProfileId: number) {
  const profile = await db.authorProfile.findFirst({ where: { id: authorProfileId }, select: { id: true } });
  if (!profile) throw new NotFoundError("Author profile");
}

export async function assertStrategyUsable(db: ScopedDb, strategyId: number, placement: Placement) {
  const strategy = await db.strategy.findFirst({ where: { id: strategyId }, select: { sectorId: true } });
  if (!strategy) throw new NotFoundError("Strategy");
  if (strategy.sectorId !== null && strategy.sectorId !== placement.sectorId) {
    throw new ValidationError("The strategy is for another sector.", { strategyId: ["Choose a strategy for this sector (or one for any sector)."] });
  }
}

/** Checks every reference a task body names (null clears a reference and needs no check). */
export async function assertTaskReferences(
  db: ScopedDb,
  refs: { clusterId?: number | null; ideaId?: number | null; authorProfileId?: number | null; strategyId?: number | null },
  placement: Placement,
) {
  if (refs.clusterId) await assertClusterUsable(db, refs.clusterId, placement);
  if (refs.ideaId) await assertIdeaUsable(db, refs.ideaId, placement);
  if (refs.authorProfileId) await assertAuthorProfileUsable(db, refs.authorProfileId);
  if (refs.strategyId) await assertStrategyUsable(db, refs.strategyId, placement);
}

export async function findTaskPlacement(db: ScopedDb, taskId: number) {
  const task = await db.task.findFirst({ where: { id: taskId }, select: { id: true, siteId: true, sectorId: true, clusterId: true, title: true, keywords: true } });
  if (!task) throw new NotFoundError("Task");
  return task;
}

export async function findContentPlacement(db: ScopedDb, contentId: number) {
  const content = await db.content.findFirst({ where: { id: contentId }, select: { id: true, siteId: true, sectorId: true, taskId: true } });
  if (!content) throw new NotFoundError("Content");
  return content;
}

/**
 * Where an image or content belongs, from the ids the caller gave: the content's site/sector,
 * else the task's, else the explicit site/sector. Ids that disagree with each other are refused.
 */
export async function resolvePlacement(
  db: ScopedDb,
  input: { siteId?: number; sectorId?: number; taskId?: number | null; contentId?: number | null },
): Promise<Placement & { taskId: number | null; contentId: number | null }> {
  const content = input.contentId ? await findContentPlacement(db, input.contentId) : null;
  const task = input.taskId ? await findTaskPlacement(db, input.taskId) : null;
  const from = content ?? task;
  if (!from) {
    if (!input.siteId || !input.sectorId) throw new ValidationError("A site and sector are required.", { siteId: ["Choose a site and sector."] });
    return { siteId: input.siteId, sectorId: input.sectorId, taskId: null, contentId: null };
  }
  if (content && task) samePlacement("task", task, content, "taskId");
  if (input.siteId !== undefined || input.sectorId !== undefined) {
    samePlacement(content ? "content" : "task", from, { siteId: input.siteId ?? from.siteId, sectorId: input.sectorId ?? from.sectorId }, "siteId");
  }
  return { siteId: from.siteId, sectorId: from.sectorId, taskId: task?.id ?? content?.taskId ?? null, contentId: content?.id ?? null };
}

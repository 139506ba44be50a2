// Writer tasks: one article to write, usually queued from a planner idea.
import { pageList, type CursorKind, type KeysetCursors } from "@/lib/http/keyset";
import type { ListCount } from "@/lib/http/list-count";
import { estimateListRows } from "@/lib/http/list-estimate";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma, TaskStatus } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { contentTypeDefaults } from "@/lib/sites/content-types";
import { trashTasks } from "@/lib/trash/service";
import { TASK_SORT_FIELDS } from "./constants";
import { assertTaskReferences } from "./references";
import { assertAllVisible, camelOrdering, clusterNames } from "./lookups";
import type { CreateTaskInput, ListTasksQuery, UpdateTaskInput } from "./schemas";

const TASK_SELECT = {
  id: true,
  siteId: true,
  sectorId: true,
  title: true,
  description: true,
  keywords: true,
  clusterId: true,
  ideaId: true,
  contentType: true,
  contentStructure: true,
  targetWordCount: true,
  authorProfileId: true,
  strategyId: true,
  status: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  // Same account by construction: content is only attached to a task after checking the task.
  content: { select: { id: true, status: true, wordCount: true, updatedAt: true } },
} satisfies Prisma.TaskSelect;

type TaskRecord = Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }>;
export type TaskDto = TaskRecord & { cluster: { id: number; name: string } | null };

async function withClusters(db: ScopedDb, tasks: TaskRecord[]): Promise<TaskDto[]> {
  const names = await clusterNames(db, tasks.map((t) => t.clusterId));
  return tasks.map((t) => ({ ...t, cluster: t.clusterId && names.has(t.clusterId) ? { id: t.clusterId, name: names.get(t.clusterId)! } : null }));
}

/** Orderings that page by cursor (status is an enum, word count the article's: by page number). */
const CURSOR_KIND: Partial<Record<(typeof TASK_SORT_FIELDS)[number], CursorKind>> = { title: "text", createdAt: "date" };

/** One page of tasks: by `cursor` (keyset, either way, any depth; title and date orderings) or by `page`. */
export async function listTasks(db: ScopedDb, query: ListTasksQuery): Promise<Paginated<TaskDto> & ListCount & Partial<KeysetCursors>> {
  const where: Prisma.TaskWhereInput = {
    ...(query.search ? { OR: [{ title: { contains: query.search, mode: "insensitive" } }, { keywords: { contains: query.search, mode: "insensitive" } }] } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    ...(query.contentType ? { contentType: query.contentType } : {}),
    ...(query.contentStructure ? { contentStructure: query.contentStructure } : {}),
  };
  const { field, direction } = parseOrdering<(typeof TASK_SORT_FIELDS)[number]>(camelOrdering(query.ordering), TASK_SORT_FIELDS, "-createdAt");
  const orderBy = field === "wordCount" ? { content: { wordCount: direction } } : undefined;
  const { rows, ...page } = await pageList({ field, direction, tie: "desc", kind: CURSOR_KIND[field], orderBy }, query, {
    find: (args) => db.task.findMany({ ...args, where: { AND: [where, args.where] }, select: TASK_SELECT }),
    count: (take) => db.task.count({ where, take }),
    estimate: query.clusterId || query.contentType || query.contentStructure ? undefined : () => estimateListRows(db, "tasks", { status: query.status, search: query.search }),
  });
  return { ...page, results: await withClusters(db, rows) };
}

export async function getTask(db: ScopedDb, id: number): Promise<TaskDto> {
  const task = await db.task.findFirst({ where: { id }, select: TASK_SELECT });
  if (!task) throw new NotFoundError("Task");
  return (await withClusters(db, [task]))[0];
}

function ideaTaken(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") throw new ConflictError("This idea already has a writer task.", { ideaId: ["This idea is already queued to the writer."] });
  throw error;
}

export async function createTask(db: ScopedDb, ctx: TenantContext, input: CreateTaskInput): Promise<TaskDto> {
  assertCan(ctx.role, "write");
  const placement = { siteId: input.siteId, sectorId: input.sectorId };
  await assertTaskReferences(db, input, placement);
  // Unset type, structure or length come from the site's content types (Sites → Settings).
  const defaults = input.contentType && input.contentStructure && input.targetWordCount ? null : await contentTypeDefaults(db, input.siteId, input.contentType);
  const typed = defaults ? { contentType: input.contentType ?? defaults.type, contentStructure: input.contentStructure ?? defaults.defaultStructure, targetWordCount: input.targetWordCount ?? defaults.defaultWordCount } : {};
  const task = await db.task
    .create({ data: { accountId: ctx.accountId, ...input, ...typed, description: input.description ?? "", keywords: input.keywords ?? "" }, select: { id: true } })
    .catch(ideaTaken);
  if (input.ideaId) await db.contentIdea.updateMany({ where: { id: input.ideaId, status: { in: ["new", "archived"] } }, data: { status: "queued" } });
  return getTask(db, task.id);
}

export async function updateTask(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateTaskInput): Promise<TaskDto> {
  assertCan(ctx.role, "write");
  const task = await getTask(db, id);
  await assertTaskReferences(db, input, task);
  await db.task.update({ where: { id }, data: { ...input, ...(input.status && input.status !== "failed" ? { error: null } : {}) } });
  return getTask(db, id);
}

/** Moves tasks to the trash (their content stays, unlinked) and puts their ideas back to "new" so they can be queued again. */
export async function deleteTasks(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<{ deleted: number }> {
  return trashTasks(db, ctx, ids);
}

export async function updateTasksStatus(db: ScopedDb, ctx: TenantContext, ids: number[], status: TaskStatus): Promise<{ updated: number }> {
  assertCan(ctx.role, "write");
  const visible = await db.task.count({ where: { id: { in: ids } } });
  await assertAllVisible(visible, ids, "Task");
  const result = await db.task.updateMany({ where: { id: { in: ids } }, data: { status, ...(status !== "failed" ? { error: null } : {}) } });
  return { updated: result.count };
}

export type QueueResult = { created: number; skipped: number; taskIds: number[] };

/**
 * Planner → Writer: one task per idea with the idea's fields, never two for the same idea (the
 * unique Task.ideaId makes this hold under concurrent calls too), and the ideas marked queued.
 * All-or-nothing: an idea id the caller cannot see fails the request with 404.
 */
export async function queueIdeasToWriter(db: ScopedDb, ctx: TenantContext, ideaIds: number[]): Promise<QueueResult> {
  assertCan(ctx.role, "write");
  const ideas = await db.contentIdea.findMany({ where: { id: { in: ideaIds } } });
  await assertAllVisible(ideas.length, ideaIds, "Idea");
  return db.$transaction(async (tx) => {
    const created = await tx.task.createManyAndReturn({
      data: ideas.map((idea) => ({
        accountId: ctx.accountId,
        siteId: idea.siteId,
        sectorId: idea.sectorId,
        ideaId: idea.id,
        title: idea.title,
        description: idea.description,
        clusterId: idea.clusterId,
        keywords: idea.targetKeywords,
        contentType: idea.contentType,
        contentStructure: idea.contentStructure,
        targetWordCount: idea.estimatedWordCount,
      })),
      skipDuplicates: true,
      select: { id: true },
    });
    await tx.contentIdea.updateMany({ where: { id: { in: ideas.map((i) => i.id) }, status: { in: ["new", "archived"] } }, data: { status: "queued" } });
    return { created: created.length, skipped: ideas.length - created.length, taskIds: created.map((t) => t.id) };
  });
}

// Content ideas: list by cluster and status, create, edit, delete (to the trash).
import { pageList, type CursorKind, type KeysetCursors } from "@/lib/http/keyset";
import type { ListCount } from "@/lib/http/list-count";
import { estimateListRows } from "@/lib/http/list-estimate";
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { assertWithinLimit } from "@/lib/plans/limits";
import { assertActiveSector } from "@/lib/sites/placement";
import { trashIdeas } from "@/lib/trash/service";
import type { CreateIdeaInput, IdeaListQuery, UpdateIdeaInput } from "./schemas";

const IDEA_ORDERING = ["title", "createdAt", "estimatedWordCount", "status"] as const;
/** Orderings that page by cursor (status is an enum: by page number). */
const CURSOR_KIND: Partial<Record<(typeof IDEA_ORDERING)[number], CursorKind>> = { title: "text", createdAt: "date", estimatedWordCount: "int" };

const ideaSelect = {
  id: true,
  title: true,
  description: true,
  contentType: true,
  contentStructure: true,
  targetKeywords: true,
  clusterId: true,
  estimatedWordCount: true,
  status: true,
  siteId: true,
  sectorId: true,
  createdAt: true,
  updatedAt: true,
  cluster: { select: { id: true, name: true } },
} satisfies Prisma.ContentIdeaSelect;

export type IdeaRow = Prisma.ContentIdeaGetPayload<{ select: typeof ideaSelect }>;

/** One page of ideas: by `cursor` (keyset, either way, any depth; not for the status ordering) or by `page`. */
export async function listIdeas(db: ScopedDb, query: IdeaListQuery): Promise<Paginated<IdeaRow> & ListCount & Partial<KeysetCursors>> {
  const where: Prisma.ContentIdeaWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    ...(query.search ? { OR: [{ title: { contains: query.search, mode: "insensitive" } }, { targetKeywords: { contains: query.search, mode: "insensitive" } }] } : {}),
  };
  const { field, direction } = parseOrdering<(typeof IDEA_ORDERING)[number]>(query.ordering, IDEA_ORDERING, "-createdAt");
  const { rows, ...page } = await pageList({ field, direction, tie: "desc", kind: CURSOR_KIND[field] }, query, {
    find: (args) => db.contentIdea.findMany({ ...args, where: { AND: [where, args.where] }, select: ideaSelect }),
    count: (take) => db.contentIdea.count({ where, take }),
    estimate: query.clusterId ? undefined : () => estimateListRows(db, "content_ideas", { siteId: query.siteId, sectorId: query.sectorId, status: query.status && [query.status], search: query.search }),
  });
  return { ...page, results: rows };
}

export async function getIdea(db: ScopedDb, id: number): Promise<IdeaRow> {
  const idea = await db.contentIdea.findFirst({ where: { id }, select: ideaSelect });
  if (!idea) throw new NotFoundError("Idea");
  return idea;
}

/** The cluster must be visible and in the idea's site and sector. */
async function assertClusterFits(db: ScopedDb, clusterId: number | null | undefined, siteId: number, sectorId: number) {
  if (!clusterId) return;
  const cluster = await db.cluster.findFirst({ where: { id: clusterId }, select: { siteId: true, sectorId: true } });
  if (!cluster) throw new NotFoundError("Cluster");
  if (cluster.siteId !== siteId || cluster.sectorId !== sectorId) {
    throw new ValidationError("The cluster belongs to another sector.", { clusterId: ["Choose a cluster of the same sector."] });
  }
}

export async function createIdea(db: ScopedDb, ctx: AppContext, input: CreateIdeaInput): Promise<IdeaRow> {
  assertCan(ctx.role, "write");
  await assertActiveSector(db, input.siteId, input.sectorId);
  await assertClusterFits(db, input.clusterId, input.siteId, input.sectorId);
  await assertWithinLimit(ctx.accountId, "contentIdeas", 1);
  const idea = await db.contentIdea.create({ data: { ...input, accountId: ctx.accountId }, select: { id: true } });
  return getIdea(db, idea.id);
}

export async function updateIdea(db: ScopedDb, ctx: AppContext, id: number, input: UpdateIdeaInput): Promise<IdeaRow> {
  assertCan(ctx.role, "write");
  const idea = await getIdea(db, id);
  await assertClusterFits(db, input.clusterId, idea.siteId, idea.sectorId);
  await db.contentIdea.update({ where: { id }, data: input });
  return getIdea(db, id);
}

export async function deleteIdeas(db: ScopedDb, ctx: AppContext, ids: number[]): Promise<number> {
  return trashIdeas(db, ctx, ids);
}

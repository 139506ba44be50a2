// Articles: one per task (or standalone), stored as sanitised HTML, edited with optimistic
// concurrency (every save names the version it edited; a stale version is a 409 with the current
// article, never a silent overwrite).
import { emitForRows } from "@/lib/automation/events";
import { pageList, type CursorKind, type KeysetCursors } from "@/lib/http/keyset";
import type { ListCount } from "@/lib/http/list-count";
import { estimateListRows } from "@/lib/http/list-estimate";
import { assertCan } from "@/lib/auth/permissions";
import { countWords, normalizeContent, sanitizeHtml, slugifyTitle } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from "@/lib/errors";
import type { Content, ContentStatus, Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { deleteFile, publicUrl } from "@/lib/storage";
import { log } from "@/lib/log";
import { uniqueSlug } from "@/lib/utils/slug";
import { autoPublishOnStatus } from "@/lib/publishing/auto";
import { trashContents, type TrashContentsResult } from "@/lib/trash/service";
import type { PublishedCopiesChoice } from "@/lib/trash/types";
import { canMoveContent, CONTENT_SORT_FIELDS } from "./constants";
import { imageRefsInHtml } from "./html-images";
import { toImageDto, type ImageDto } from "./image-dto";
import { assertAllVisible, camelOrdering, clusterNames } from "./lookups";
import { findTaskPlacement, resolvePlacement } from "./references";
import type { CreateContentInput, ListContentQuery, UpdateContentInput } from "./schemas";

/** The article's own columns in a list row; the REST list schema picks the same ones. */
export const CONTENT_LIST_FIELDS = {
  id: true,
  siteId: true,
  sectorId: true,
  taskId: true,
  title: true,
  status: true,
  wordCount: true,
  slug: true,
  primaryKeyword: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
} as const;

const LIST_SELECT = {
  ...CONTENT_LIST_FIELDS,
  // The content's own rows (same account by construction).
  clusters: { select: { clusterId: true }, where: { role: "primary" }, take: 1 },
  images: { where: { type: "featured" }, select: { id: true, storageKey: true, altText: true }, orderBy: { updatedAt: "desc" }, take: 1 },
} satisfies Prisma.ContentSelect;

export type ContentListItem = Omit<Prisma.ContentGetPayload<{ select: typeof LIST_SELECT }>, "clusters" | "images"> & {
  cluster: { id: number; name: string } | null;
  featuredImage: { id: number; url: string; altText: string } | null;
};

export type ContentDto = Omit<Content, "accountId" | "deletedAt"> & {
  cluster: { id: number; name: string } | null;
  task: { id: number; title: string; keywords: string; targetWordCount: number } | null;
  images: ImageDto[];
};

/** Orderings that page by cursor (status is an enum: by page number). */
const CURSOR_KIND: Partial<Record<(typeof CONTENT_SORT_FIELDS)[number], CursorKind>> = { title: "text", createdAt: "date", updatedAt: "date", publishedAt: "date", wordCount: "int" };

/** One page of articles: by `cursor` (keyset, either way, any depth; not for the status ordering) or by `page`. */
export async function listContent(db: ScopedDb, query: ListContentQuery): Promise<Paginated<ContentListItem> & ListCount & Partial<KeysetCursors>> {
  const where: Prisma.ContentWhereInput = {
    ...(query.search ? { OR: [{ title: { contains: query.search, mode: "insensitive" } }, { primaryKeyword: { contains: query.search, mode: "insensitive" } }] } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.clusterId ? { clusters: { some: { clusterId: query.clusterId } } } : {}),
    ...(query.taskId ? { taskId: query.taskId } : {}),
  };
  const { field, direction } = parseOrdering<(typeof CONTENT_SORT_FIELDS)[number]>(camelOrdering(query.ordering), CONTENT_SORT_FIELDS, "-updatedAt");
  const { rows, ...page } = await pageList({ field, direction, tie: "desc", kind: CURSOR_KIND[field], nullsLast: field === "publishedAt" }, query, {
    find: (args) => db.content.findMany({ ...args, where: { AND: [where, args.where] }, select: LIST_SELECT }),
    count: (take) => db.content.count({ where, take }),
    estimate: query.clusterId || query.taskId ? undefined : () => estimateListRows(db, "content", { status: query.status, search: query.search }),
  });
  const names = await clusterNames(db, rows.map((r) => r.clusters[0]?.clusterId));
  return {
    ...page,
    results: rows.map(({ clusters, images, ...row }) => {
      const clusterId = clusters[0]?.clusterId;
      const featured = images[0];
      return {
        ...row,
        cluster: clusterId && names.has(clusterId) ? { id: clusterId, name: names.get(clusterId)! } : null,
        featuredImage: featured?.storageKey ? { id: featured.id, url: publicUrl(featured.storageKey), altText: featured.altText } : null,
      };
    }),
  };
}

export async function getContent(db: ScopedDb, id: number): Promise<ContentDto> {
  const content = await db.content.findFirst({
    where: { id },
    omit: { accountId: true, deletedAt: true },
    include: {
      task: { select: { id: true, title: true, keywords: true, targetWordCount: true, clusterId: true } },
      images: { orderBy: [{ type: "asc" }, { position: "asc" }, { id: "asc" }] },
      clusters: { select: { clusterId: true }, where: { role: "primary" }, take: 1 },
    },
  });
  if (!content) throw new NotFoundError("Content");
  const { task, images, clusters, ...rest } = content;
  const clusterId = clusters[0]?.clusterId ?? task?.clusterId ?? null;
  const names = await clusterNames(db, [clusterId]);
  return {
    ...rest,
    cluster: clusterId && names.has(clusterId) ? { id: clusterId, name: names.get(clusterId)! } : null,
    task: task ? { id: task.id, title: task.title, keywords: task.keywords, targetWordCount: task.targetWordCount } : null,
    images: images.map(toImageDto),
  };
}

function slugTaken(): never {
  throw new ConflictError("Another article on this site already uses this slug.", { slug: ["This slug is already used on this site."] });
}

async function isSlugTaken(db: Pick<ScopedDb, "content">, siteId: number, slug: string, exceptId?: number) {
  return (await db.content.count({ where: { siteId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
}

/** A slug for `title` that no other article of the site uses. */
export async function freeSlug(db: Pick<ScopedDb, "content">, siteId: number, title: string, exceptId?: number) {
  return uniqueSlug(slugifyTitle(title), (s) => isSlugTaken(db, siteId, s, exceptId), "article");
}

function splitKeywords(keywords: string): { primary: string; secondary: string[] } {
  const list = keywords.split(",").map((k) => k.trim()).filter(Boolean);
  return { primary: list[0] ?? "", secondary: list.slice(1, 51) };
}

/**
 * Creates an article. HTML from outside (API clients, the AI engine) may be Markdown, plain text
 * or a full document: it is normalised (which sanitises) before it is stored.
 */
export async function createContent(db: ScopedDb, ctx: TenantContext, input: CreateContentInput): Promise<ContentDto> {
  assertCan(ctx.role, "write");
  if (input.status === "published") throw new ValidationError("Create articles as draft or review, then publish them.", { status: ["Publish after review."] });
  const placement = await resolvePlacement(db, { siteId: input.siteId, sectorId: input.sectorId, taskId: input.taskId });
  const task = input.taskId ? await db.task.findFirst({ where: { id: input.taskId }, select: { id: true, title: true, keywords: true, clusterId: true, status: true } }) : null;
  const title = input.title ?? task?.title ?? "Untitled";
  const html = input.html ? normalizeContent(input.html).html : "";
  const keywords = splitKeywords(task?.keywords ?? "");
  if (input.slug && (await isSlugTaken(db, placement.siteId, input.slug))) slugTaken();
  const slug = input.slug || (await freeSlug(db, placement.siteId, title));
  const id = await db
    .$transaction(async (tx) => {
      const content = await tx.content.create({
        data: {
          accountId: ctx.accountId,
          siteId: placement.siteId,
          sectorId: placement.sectorId,
          taskId: task?.id ?? null,
          title,
          html,
          wordCount: countWords(html),
          status: input.status ?? "draft",
          metaTitle: input.metaTitle ?? "",
          metaDescription: input.metaDescription ?? "",
          primaryKeyword: input.primaryKeyword ?? keywords.primary,
          secondaryKeywords: input.secondaryKeywords ?? keywords.secondary,
          slug,
        },
        select: { id: true },
      });
      if (task?.clusterId) {
        await tx.contentClusterMap.create({ data: { accountId: ctx.accountId, siteId: placement.siteId, sectorId: placement.sectorId, contentId: content.id, clusterId: task.clusterId, role: "primary" } });
      }
      if (task?.status === "queued") await tx.task.update({ where: { id: task.id }, data: { status: "in_progress" } });
      return content.id;
    })
    .catch((error) => {
      if ((error as { code?: string }).code === "P2002") throw new ConflictError("This task already has an article.", { taskId: ["This task already has an article."] });
      throw error;
    });
  return getContent(db, id);
}

/** "Write manually": the task's article, created empty when it has none yet. */
export async function createContentForTask(db: ScopedDb, ctx: TenantContext, taskId: number): Promise<{ id: number; created: boolean }> {
  assertCan(ctx.role, "write");
  await findTaskPlacement(db, taskId);
  const existing = await db.content.findFirst({ where: { taskId }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    return { id: (await createContent(db, ctx, { taskId })).id, created: true };
  } catch (error) {
    // Two clicks at once: the other one created it.
    const raced = await db.content.findFirst({ where: { taskId }, select: { id: true } });
    if (raced) return { id: raced.id, created: false };
    throw error;
  }
}

/** Throws the 409 every stale save gets, carrying the article as stored now. */
export async function conflict(db: ScopedDb, id: number): Promise<never> {
  const current = await getContent(db, id);
  throw new VersionConflictError("This article was changed elsewhere (another tab or person) after you opened it.", current);
}

/**
 * For services that rewrite an article's HTML themselves (the linker inserting or undoing links):
 * the same compare-and-set on `version` as every save, so an open editor gets a conflict instead
 * of overwriting the change. False when `expectedVersion` is no longer current. Takes a
 * transaction too, so related rows can be written atomically with the article.
 */
export async function rewriteContentHtml(db: Pick<ScopedDb, "content">, id: number, expectedVersion: number, html: string): Promise<boolean> {
  const stored = sanitizeHtml(html);
  const { count } = await db.content.updateMany({ where: { id, version: expectedVersion }, data: { html: stored, wordCount: countWords(stored), version: { increment: 1 } } });
  return count === 1;
}

/**
 * Saves an article. With `version` (the editor always sends it) a stale save is a 409 carrying the
 * current article; without it (an API client that does not track versions) the save applies over
 * whatever is stored: last write wins.
 */
export async function updateContent(db: ScopedDb, ctx: TenantContext, id: number, input: Omit<UpdateContentInput, "version"> & { version?: number }): Promise<ContentDto> {
  assertCan(ctx.role, "write");
  const current = await db.content.findFirst({ where: { id }, select: { id: true, siteId: true, version: true, status: true, title: true, taskId: true } });
  if (!current) throw new NotFoundError("Content");
  if (input.version !== undefined && input.version !== current.version) return conflict(db, id);

  const { version, html, slug, status, ...fields } = input;
  const data: Prisma.ContentUpdateManyMutationInput = { ...fields, version: { increment: 1 } };
  let storedHtml: string | undefined;
  if (html !== undefined) {
    storedHtml = sanitizeHtml(html);
    data.html = storedHtml;
    data.wordCount = countWords(storedHtml);
  }
  if (slug !== undefined) {
    if (slug && (await isSlugTaken(db, current.siteId, slug, id))) slugTaken();
    data.slug = slug || (await freeSlug(db, current.siteId, input.title ?? current.title, id));
  }
  if (status && status !== current.status) {
    if (!canMoveContent(current.status, status)) throw new ValidationError(transitionMessage(current.status, status), { status: [transitionMessage(current.status, status)] });
    data.status = status;
    if (status === "published") data.publishedAt = new Date();
  }
  const result = await db.content.updateMany({ where: version === undefined ? { id } : { id, version }, data });
  if (result.count === 0) return conflict(db, id);

  if (storedHtml !== undefined) await syncAltTextFromHtml(db, id, storedHtml);
  if (status && status !== current.status && current.taskId && status !== "draft") {
    await db.task.updateMany({ where: { id: current.taskId, status: { not: "completed" } }, data: { status: "completed", error: null } });
  }
  if (status && status !== current.status) await autoPublishOnStatus(db, ctx, [id], status);
  return getContent(db, id);
}

function transitionMessage(from: ContentStatus, to: ContentStatus): string {
  if (to === "published") return "Send the article to review before publishing it.";
  return `An article cannot go from ${from} to ${to}.`;
}

/** Alt text edited on an image in the editor is the image's alt text everywhere. */
async function syncAltTextFromHtml(db: ScopedDb, contentId: number, html: string) {
  const refs = imageRefsInHtml(html);
  if (!refs.length) return;
  const images = await db.image.findMany({ where: { contentId, id: { in: refs.map((r) => r.id) } }, select: { id: true, altText: true } });
  const current = new Map(images.map((i) => [i.id, i.altText]));
  for (const ref of refs) {
    const alt = ref.alt.trim().slice(0, 300);
    if (current.has(ref.id) && current.get(ref.id) !== alt) {
      await db.image.update({ where: { id: ref.id }, data: { altText: alt } });
      current.set(ref.id, alt);
    }
  }
}

/** Moves articles along the editorial flow; ones that cannot make the move are left as they are. */
export async function updateContentsStatus(db: ScopedDb, ctx: TenantContext, ids: number[], status: ContentStatus): Promise<{ updated: number; skipped: number }> {
  assertCan(ctx.role, "write");
  const rows = await db.content.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, taskId: true } });
  await assertAllVisible(rows.length, ids, "Content");
  const movable = rows.filter((r) => r.status !== status && canMoveContent(r.status, status));
  if (movable.length) {
    await db.content.updateMany({
      where: { id: { in: movable.map((r) => r.id) } },
      data: { status, version: { increment: 1 }, ...(status === "published" ? { publishedAt: new Date() } : {}) },
    });
    const taskIds = movable.map((r) => r.taskId).filter((t): t is number => t !== null);
    if (status !== "draft" && taskIds.length) await db.task.updateMany({ where: { id: { in: taskIds }, status: { not: "completed" } }, data: { status: "completed", error: null } });
    await autoPublishOnStatus(db, ctx, movable.map((r) => r.id), status);
    if (status === "review") await emitForRows(db, ctx, "content.reviewed", await db.content.findMany({ where: { id: { in: movable.map((r) => r.id) } }, select: { siteId: true, sectorId: true } }), `review:${movable.map((r) => r.id).join(",")}:${Date.now()}`);
  }
  return { updated: movable.length, skipped: rows.length - movable.length - rows.filter((r) => r.status === status).length };
}

/**
 * Moves articles to the trash with their images. Published ones must say what happens to their
 * published copies (`publishedCopies`: "unpublish" or "keep"); see lib/trash.
 */
export async function deleteContents(db: ScopedDb, ctx: TenantContext, ids: number[], options: { publishedCopies?: PublishedCopiesChoice } = {}): Promise<TrashContentsResult> {
  return trashContents(db, ctx, ids, options);
}

/** Files go after the rows: a failed file delete leaves an unreachable file, never a broken row. */
export async function removeFiles(keys: (string | null)[]) {
  for (const key of keys) {
    if (!key) continue;
    await deleteFile(key).catch((error) => log.warn("stored file not deleted", { storageKey: key, error }));
  }
}

// The page tree of a blueprint: list, add, edit (rename, move, reorder, sections), delete.
import { assertCan } from "@/lib/auth/permissions";
import { sanitizeHtml } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PageBlueprint, Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { uniqueSlug } from "@/lib/utils/slug";
import { findBlueprint } from "./blueprints";
import type { CreatePageInput, PageListQuery, Section, UpdatePageInput } from "./schemas";

export type PageRow = Omit<PageBlueprint, "accountId" | "sections"> & { sections: Section[] };
export const toPageRow = ({ accountId: _a, sections, ...page }: PageBlueprint): PageRow => ({ ...page, sections: (Array.isArray(sections) ? sections : []) as Section[] });

export async function listPages(db: ScopedDb, query: PageListQuery): Promise<Paginated<PageRow>> {
  const where: Prisma.PageBlueprintWhereInput = {
    ...(query.blueprintId ? { blueprintId: query.blueprintId } : {}),
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.search ? { title: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ["sortOrder", "title", "createdAt"] as const, "sortOrder");
  const [count, rows] = await Promise.all([
    db.pageBlueprint.count({ where }),
    db.pageBlueprint.findMany({ where, orderBy: [{ [field]: direction }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(toPageRow) };
}

/** Every page of a blueprint, in tree order (parents before children, siblings by sortOrder). */
export async function blueprintPages(db: ScopedDb, blueprintId: number): Promise<PageRow[]> {
  const rows = (await db.pageBlueprint.findMany({ where: { blueprintId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] })).map(toPageRow);
  const children = new Map<number | null, PageRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: PageRow[] = [];
  const walk = (parent: number | null) => {
    for (const row of children.get(parent) ?? []) {
      out.push(row);
      walk(row.id);
    }
  };
  walk(null);
  return out;
}

export async function findPage(db: ScopedDb, id: number): Promise<PageBlueprint> {
  const page = await db.pageBlueprint.findFirst({ where: { id } });
  if (!page) throw new NotFoundError("Page");
  return page;
}

export async function getPage(db: ScopedDb, id: number): Promise<PageRow> {
  return toPageRow(await findPage(db, id));
}

function slugTaken(): never {
  throw new ConflictError("Another page of this blueprint uses this slug.", { slug: ["This slug is already used by another page of the blueprint."] });
}

/** The parent must be a page of the same blueprint, and never the page itself or one of its descendants. */
async function assertParent(db: ScopedDb, blueprintId: number, parentId: number, pageId?: number) {
  const pages = await db.pageBlueprint.findMany({ where: { blueprintId }, select: { id: true, parentId: true } });
  const byId = new Map(pages.map((p) => [p.id, p.parentId]));
  if (!byId.has(parentId)) throw new ValidationError("The parent must be a page of the same blueprint.", { parentId: ["Choose a page of this blueprint."] });
  if (pageId === undefined) return;
  for (let at: number | null | undefined = parentId, hops = 0; at && hops <= pages.length; at = byId.get(at), hops++) {
    if (at === pageId) throw new ValidationError("A page cannot be moved under itself or one of its sub-pages.", { parentId: ["That would make a cycle."] });
  }
}

async function assertCluster(db: ScopedDb, blueprint: { siteId: number; sectorId: number }, clusterId: number) {
  const found = await db.cluster.count({ where: { id: clusterId, siteId: blueprint.siteId, sectorId: blueprint.sectorId } });
  if (!found) throw new NotFoundError("Cluster");
}

function cleanSections(sections: Section[]): Section[] {
  return sections.map((s) => ({ ...s, content: s.content ? sanitizeHtml(s.content) : "" }));
}

export async function createPage(db: ScopedDb, ctx: TenantContext, input: CreatePageInput): Promise<PageRow> {
  assertCan(ctx.role, "write");
  const blueprint = await findBlueprint(db, input.blueprintId);
  if (input.parentId) await assertParent(db, blueprint.id, input.parentId);
  if (input.clusterId) await assertCluster(db, blueprint, input.clusterId);
  const taken = async (slug: string) => (await db.pageBlueprint.count({ where: { blueprintId: blueprint.id, slug } })) > 0;
  if (input.slug && (await taken(input.slug))) slugTaken();
  const slug = input.slug ?? (input.type === "home" && !(await taken("home")) ? "home" : await uniqueSlug(input.title, taken, "page"));
  const last = await db.pageBlueprint.findFirst({ where: { blueprintId: blueprint.id, parentId: input.parentId ?? null }, orderBy: { sortOrder: "desc" }, select: { sortOrder: true } });
  const page = await db.pageBlueprint.create({
    data: {
      accountId: blueprint.accountId,
      siteId: blueprint.siteId,
      sectorId: blueprint.sectorId,
      blueprintId: blueprint.id,
      parentId: input.parentId ?? null,
      type: input.type,
      title: input.title,
      slug,
      purpose: input.purpose ?? "",
      keywords: input.keywords ?? [],
      sections: cleanSections(input.sections ?? []) as unknown as Prisma.InputJsonValue,
      sortOrder: input.sortOrder ?? (last ? last.sortOrder + 1 : 0),
      showInNav: input.showInNav ?? input.type !== "post",
      clusterId: input.clusterId ?? null,
    },
  });
  return toPageRow(page);
}

export async function updatePage(db: ScopedDb, ctx: TenantContext, id: number, input: UpdatePageInput): Promise<PageRow> {
  assertCan(ctx.role, "write");
  const current = await findPage(db, id);
  if (input.slug && input.slug !== current.slug && (await db.pageBlueprint.count({ where: { blueprintId: current.blueprintId, slug: input.slug, id: { not: id } } }))) slugTaken();
  if (input.parentId) await assertParent(db, current.blueprintId, input.parentId, id);
  if (input.clusterId) await assertCluster(db, current, input.clusterId);
  const { sections, ...fields } = input;
  const page = await db.pageBlueprint.update({
    where: { id },
    data: { ...fields, ...(sections ? { sections: cleanSections(sections) as unknown as Prisma.InputJsonValue } : {}) },
  });
  return toPageRow(page);
}

/** Deletes a page; its sub-pages move up to its parent. */
export async function deletePage(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  const current = await findPage(db, id);
  await db.$transaction(async (tx) => {
    await tx.pageBlueprint.updateMany({ where: { blueprintId: current.blueprintId, parentId: id }, data: { parentId: current.parentId } });
    await tx.pageBlueprint.delete({ where: { id } });
  });
}

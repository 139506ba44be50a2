// Blueprints: CRUD, bulk delete, the clusters they cover (attach / detach at any time).
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { assertActiveSector } from "@/lib/sites/placement";
import type { OptionKind } from "./options";
import type { BlueprintListQuery, CreateBlueprintInput, UpdateBlueprintInput } from "./schemas";

const blueprintSelect = {
  id: true,
  siteId: true,
  sectorId: true,
  name: true,
  description: true,
  status: true,
  businessType: true,
  audience: true,
  brandPersonality: true,
  heroImagery: true,
  deployedVersion: true,
  lastDeployedAt: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { pages: true, taxonomies: true } },
  clusters: { select: { role: true, cluster: { select: { id: true, name: true, keywordsCount: true, volume: true, deletedAt: true } } }, orderBy: { id: "asc" } },
} satisfies Prisma.SiteBlueprintSelect;

type Selected = Prisma.SiteBlueprintGetPayload<{ select: typeof blueprintSelect }>;
export type BlueprintRow = Omit<Selected, "_count" | "clusters"> & {
  pagesCount: number;
  taxonomiesCount: number;
  clusters: { id: number; name: string; keywordsCount: number; volume: number; role: string }[];
};

function toRow({ _count, clusters, ...b }: Selected): BlueprintRow {
  return {
    ...b,
    pagesCount: _count.pages,
    taxonomiesCount: _count.taxonomies,
    // A trashed cluster stays linked (restoring it brings it back) but is not shown.
    clusters: clusters.filter((c) => !c.cluster.deletedAt).map(({ role, cluster: { deletedAt: _d, ...c } }) => ({ ...c, role })),
  };
}

export async function listBlueprints(db: ScopedDb, query: BlueprintListQuery): Promise<Paginated<BlueprintRow>> {
  const where: Prisma.SiteBlueprintWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ["name", "createdAt", "updatedAt"] as const, "-createdAt");
  const [count, rows] = await Promise.all([
    db.siteBlueprint.count({ where }),
    db.siteBlueprint.findMany({ where, orderBy: [{ [field]: direction }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: blueprintSelect }),
  ]);
  return { count, results: rows.map(toRow) };
}

export async function getBlueprint(db: ScopedDb, id: number): Promise<BlueprintRow> {
  const row = await db.siteBlueprint.findFirst({ where: { id }, select: blueprintSelect });
  if (!row) throw new NotFoundError("Blueprint");
  return toRow(row);
}

/** The bare row (for services that need its placement). */
export async function findBlueprint(db: ScopedDb, id: number) {
  const row = await db.siteBlueprint.findFirst({ where: { id } });
  if (!row) throw new NotFoundError("Blueprint");
  return row;
}

const OPTION_FIELDS: Record<"businessType" | "audience" | "brandPersonality" | "heroImagery", OptionKind> = {
  businessType: "business_type",
  audience: "audience_profile",
  brandPersonality: "brand_personality",
  heroImagery: "hero_imagery",
};

/** Each chosen option must be an active option of its kind. */
async function assertOptions(db: ScopedDb, input: Partial<Record<keyof typeof OPTION_FIELDS, string | undefined>>) {
  const errors: Record<string, string[]> = {};
  for (const [field, kind] of Object.entries(OPTION_FIELDS) as [keyof typeof OPTION_FIELDS, OptionKind][]) {
    const slug = input[field];
    if (!slug) continue;
    const found = await db.siteBuilderOption.count({ where: { kind, slug, isActive: true } });
    if (!found) errors[field] = ["Choose one of the offered options."];
  }
  if (Object.keys(errors).length) throw new ValidationError(`Invalid input: ${Object.values(errors)[0][0]}`, errors);
}

export async function createBlueprint(db: ScopedDb, ctx: TenantContext, input: CreateBlueprintInput): Promise<BlueprintRow> {
  assertCan(ctx.role, "write");
  const sector = await assertActiveSector(db, input.siteId, input.sectorId);
  await assertOptions(db, input);
  const { clusterIds, ...fields } = input;
  const clusters = clusterIds?.length ? await clustersOf(db, { siteId: input.siteId, sectorId: input.sectorId }, clusterIds) : [];
  const created = await db.$transaction(async (tx) => {
    const blueprint = await tx.siteBlueprint.create({ data: { ...fields, accountId: sector.accountId }, select: { id: true } });
    if (clusters.length) {
      await tx.siteBlueprintCluster.createMany({ data: clusters.map((c) => ({ accountId: sector.accountId, siteId: input.siteId, sectorId: input.sectorId, blueprintId: blueprint.id, clusterId: c.id })) });
    }
    return blueprint;
  });
  return getBlueprint(db, created.id);
}

export async function updateBlueprint(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateBlueprintInput): Promise<BlueprintRow> {
  assertCan(ctx.role, "write");
  await findBlueprint(db, id);
  await assertOptions(db, input);
  await db.siteBlueprint.update({ where: { id }, data: input });
  return getBlueprint(db, id);
}

/** Deletes blueprints (their pages, links and taxonomies go with them; deployed hosted pages stay). */
export async function deleteBlueprints(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<number> {
  assertCan(ctx.role, "write");
  const { count } = await db.siteBlueprint.deleteMany({ where: { id: { in: [...new Set(ids)] } } });
  return count;
}

export async function deleteBlueprint(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  await findBlueprint(db, id);
  await db.siteBlueprint.delete({ where: { id } });
}

/** The clusters with these ids in the blueprint's site and sector; any other id is a 404. */
async function clustersOf(db: ScopedDb, placement: { siteId: number; sectorId: number }, clusterIds: number[]) {
  const ids = [...new Set(clusterIds)];
  const rows = await db.cluster.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Cluster");
  if (rows.some((r) => r.siteId !== placement.siteId || r.sectorId !== placement.sectorId)) {
    throw new ValidationError("Clusters must belong to the blueprint's site and sector.", { clusterIds: ["Choose clusters of the blueprint's site and sector."] });
  }
  return rows;
}

export async function attachClusters(db: ScopedDb, ctx: TenantContext, id: number, clusterIds: number[]): Promise<BlueprintRow> {
  assertCan(ctx.role, "write");
  const blueprint = await findBlueprint(db, id);
  const clusters = await clustersOf(db, blueprint, clusterIds);
  await db.siteBlueprintCluster.createMany({
    data: clusters.map((c) => ({ accountId: blueprint.accountId, siteId: blueprint.siteId, sectorId: blueprint.sectorId, blueprintId: id, clusterId: c.id })),
    skipDuplicates: true,
  });
  return getBlueprint(db, id);
}

export async function detachClusters(db: ScopedDb, ctx: TenantContext, id: number, clusterIds: number[]): Promise<BlueprintRow> {
  assertCan(ctx.role, "write");
  await findBlueprint(db, id);
  await db.siteBlueprintCluster.deleteMany({ where: { blueprintId: id, clusterId: { in: clusterIds } } });
  return getBlueprint(db, id);
}

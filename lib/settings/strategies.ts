// Strategies: per sector (or any), which prompts content uses and which sections it must have.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import type { ListSettingsQuery, StrategyInput } from "./schemas";

const ORDERING = ["name", "createdAt"] as const;

export async function listStrategies(db: ScopedDb, query: ListSettingsQuery) {
  const where: Prisma.StrategyWhereInput = {
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}),
    ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ORDERING, "name");
  const [count, rows] = await Promise.all([
    db.strategy.count({ where }),
    db.strategy.findMany({ where, orderBy: [{ [field]: direction }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const sectorIds = [...new Set(rows.map((r) => r.sectorId).filter((id): id is number => id !== null))];
  const sectors = sectorIds.length ? await db.sector.findMany({ where: { id: { in: sectorIds } }, select: { id: true, name: true, site: { select: { name: true } } } }) : [];
  const results = rows.map((r) => {
    const sector = sectors.find((s) => s.id === r.sectorId);
    return { ...r, sectorName: sector ? `${sector.site.name} / ${sector.name}` : null };
  });
  return { count, results } satisfies Paginated<unknown>;
}

export async function getStrategy(db: ScopedDb, id: number) {
  const strategy = await db.strategy.findFirst({ where: { id } });
  if (!strategy) throw new NotFoundError("Strategy");
  return strategy;
}

/** A sector must be one the caller can see (another account's sector answers 404). */
async function assertSector(db: ScopedDb, sectorId: number | null | undefined) {
  if (!sectorId) return;
  if (!(await db.sector.findFirst({ where: { id: sectorId }, select: { id: true } }))) throw new NotFoundError("Sector");
}

function data(input: Partial<StrategyInput>): Prisma.StrategyUncheckedUpdateInput {
  const { promptTypes, sectionLogic, ...rest } = input;
  return {
    ...rest,
    ...(promptTypes !== undefined ? { promptTypes: promptTypes as Prisma.InputJsonValue } : {}),
    ...(sectionLogic !== undefined ? { sectionLogic: sectionLogic as Prisma.InputJsonValue } : {}),
  };
}

export async function createStrategy(db: ScopedDb, ctx: TenantContext, input: StrategyInput) {
  assertCan(ctx.role, "write");
  await assertSector(db, input.sectorId);
  return db.strategy.create({ data: { ...(data(input) as Prisma.StrategyUncheckedCreateInput), name: input.name, accountId: ctx.accountId } });
}

export async function updateStrategy(db: ScopedDb, ctx: TenantContext, id: number, input: Partial<StrategyInput>) {
  assertCan(ctx.role, "write");
  await getStrategy(db, id);
  await assertSector(db, input.sectorId);
  return db.strategy.update({ where: { id }, data: data(input) });
}

export async function deleteStrategy(db: ScopedDb, ctx: TenantContext, id: number) {
  assertCan(ctx.role, "write");
  await getStrategy(db, id);
  await db.strategy.delete({ where: { id } });
}

// The tenant-scoping extension. Every read, count, aggregate, update and delete of a tenant
// model gets the account (and accessible sites, and the selected site/sector) added to its
// `where`; creates get `accountId` set and their site/sector checked.
//
// Trashed rows (deletedAt set) of trashable models are hidden the same way (trash-filter.ts).
//
// Known limits (see lib/db/README.md): nested include/connect/nested creates are not rewritten
// and raw SQL bypasses this. Scope the parent, set ids explicitly, keep raw SQL in reviewed places.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { rootDb } from "./client";
import { modelRegistry, type ModelTenancy } from "./model-registry";
import { canAccessSite, type TenantContext } from "./tenant-context";
import { liveRowsOnly } from "./trash-filter";

type Where = Record<string, unknown>;
type Data = Record<string, unknown>;

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn"]);
const WRITE_OPERATIONS = new Set([
  ...CREATE_OPERATIONS,
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

/** The filter that confines a model's rows to what `ctx` may see. */
export function scopeWhere(ctx: TenantContext, model: ModelTenancy): Where {
  if (model.tenancy === "global") return {};
  const where: Where = {};
  const siteField = model.siteField;
  if (ctx.crossAccount) {
    if (siteField) where[siteField] = { in: crossAccountSiteIds(ctx) };
  } else {
    where[model.accountField!] = ctx.accountId;
    if (siteField && ctx.siteAccess !== "account") where[siteField] = { in: ctx.siteAccess };
  }
  if (model.tenancy === "site-sector") {
    if (ctx.siteId !== undefined) where.AND = [{ siteId: ctx.siteId }];
    if (ctx.sectorId !== undefined) where.AND = [...((where.AND as Where[]) ?? []), { sectorId: ctx.sectorId }];
  }
  return where;
}

function crossAccountSiteIds(ctx: TenantContext): number[] {
  return ctx.siteAccess === "account" ? [] : ctx.siteAccess;
}

function mergeWhere(where: Where | undefined, scope: Where): Where {
  if (Object.keys(scope).length === 0) return where ?? {};
  const existing = where?.AND;
  const and = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...(where ?? {}), AND: [...and, scope] };
}

/** What placement checks read through: raw SQL, so the tenant extension does not apply to them. */
type Lookup = Pick<PrismaClient, "$queryRaw">;

// The transaction a scoped `$transaction(async (tx) => …)` callback is running, so that the checks
// below read on its connection. Reading through the root client instead made every transaction
// holding a pooled connection wait for a second one: at pool-size concurrent commits, none could
// proceed ("Unable to start a transaction in the given time", "expired transaction").
const openTransaction = new AsyncLocalStorage<{ base: PrismaClient; tx: Lookup }>();

function lookupClient(base: PrismaClient): Lookup {
  const open = openTransaction.getStore();
  return open && open.base === base ? open.tx : base;
}

const tenants = new WeakMap<object, TenantContext>();

/** The context a scoped client was made for (reviewed raw SQL, e.g. list estimates, scopes itself with it). */
export function tenantOf(db: object): TenantContext {
  const ctx = tenants.get(db);
  if (!ctx) throw new Error("tenantOf: not a scoped client");
  return ctx;
}

export function scoped(ctx: TenantContext, base: PrismaClient = rootDb()) {
  const extended = extend(ctx, base);
  // Interactive transactions record their client for the extension's own reads (see above).
  const client = new Proxy(extended, {
    get(target, property) {
      if (property !== "$transaction") return Reflect.get(target, property);
      return (arg: unknown, options?: unknown) =>
        typeof arg === "function"
          ? target.$transaction((tx) => openTransaction.run({ base, tx }, () => (arg as (t: typeof tx) => Promise<unknown>)(tx)), options as never)
          : target.$transaction(arg as never, options as never);
    },
  }) as typeof extended;
  tenants.set(client, ctx);
  return client;
}

function extend(ctx: TenantContext, base: PrismaClient) {
  return base.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const tenancy = modelRegistry[model as keyof typeof modelRegistry];
          if (!tenancy) throw new Error(`Model ${model} is not classified in lib/db/model-registry.ts`);
          const isWrite = WRITE_OPERATIONS.has(operation);
          if (tenancy.tenancy === "global") {
            if (isWrite) throw new ForbiddenError(`${model} is reference data: change it through the admin tools.`);
            return query(args);
          }
          if (isWrite && ctx.role === "viewer" && tenancy.tenancy !== "account") {
            throw new ForbiddenError("Viewers cannot make changes.");
          }
          const a = (args ?? {}) as Record<string, unknown>;
          if (WHERE_OPERATIONS.has(operation)) {
            const where = a.where as Where | undefined;
            a.where = mergeWhere(where, { ...scopeWhere(ctx, tenancy), ...liveRowsOnly(model, where) });
          }
          if (CREATE_OPERATIONS.has(operation)) {
            a.data = Array.isArray(a.data)
              ? await Promise.all((a.data as Data[]).map((row) => prepareCreate(ctx, model, tenancy, row, lookupClient(base))))
              : await prepareCreate(ctx, model, tenancy, a.data as Data, lookupClient(base));
          }
          if (operation === "upsert") a.create = await prepareCreate(ctx, model, tenancy, a.create as Data, lookupClient(base));
          if (operation.startsWith("update") || operation === "upsert") {
            const data = (operation === "upsert" ? a.update : a.data) as Data | undefined;
            if (data) await checkMovedRow(ctx, model, tenancy, data, lookupClient(base));
          }
          return query(a as typeof args);
        },
      },
    },
  });
}

export type ScopedDb = ReturnType<typeof extend>;

// Placement checks are memoised per (site, sector) for the life of one call, so a createMany of
// 100,000 keywords on one sector costs one lookup.
async function prepareCreate(ctx: TenantContext, model: string, tenancy: ModelTenancy, row: Data, base: Lookup): Promise<Data> {
  if (!row) return row;
  if (model === "Account") throw new ForbiddenError("Accounts are created by sign-up.");
  const data: Data = { ...row };
  if (tenancy.tenancy === "account" || model === "Site") {
    data[tenancy.accountField!] = ctx.accountId;
    return data;
  }
  const siteId = Number(data.siteId);
  const site = await placement(ctx, base, siteId, tenancy.tenancy === "site-sector" ? Number(data.sectorId) : undefined);
  data.accountId = site.accountId;
  return data;
}

async function checkMovedRow(ctx: TenantContext, model: string, tenancy: ModelTenancy, data: Data, base: Lookup) {
  for (const field of ["accountId", "account"]) {
    if (field in data) throw new ForbiddenError(`${model} cannot move to another account.`);
  }
  if ((tenancy.tenancy === "site" || tenancy.tenancy === "site-sector") && model !== "Site") {
    if ("site" in data || "sector" in data) throw new ValidationError("Set siteId/sectorId explicitly, not through relations.");
    if ("siteId" in data || "sectorId" in data) {
      if (!("siteId" in data) || (tenancy.tenancy === "site-sector" && !("sectorId" in data))) {
        throw new ValidationError("Moving a record needs both siteId and sectorId.");
      }
      await placement(ctx, base, Number(data.siteId), tenancy.tenancy === "site-sector" ? Number(data.sectorId) : undefined);
    }
  }
}

const placementCache = new WeakMap<TenantContext, Map<string, Promise<{ accountId: number }>>>();

/** The site must be accessible to ctx; the sector, when given, must belong to that site. */
function placement(ctx: TenantContext, base: Lookup, siteId: number, sectorId?: number) {
  let cache = placementCache.get(ctx);
  if (!cache) placementCache.set(ctx, (cache = new Map()));
  const key = `${siteId}:${sectorId ?? ""}`;
  let result = cache.get(key);
  if (!result) {
    result = checkPlacement(ctx, base, siteId, sectorId);
    cache.set(key, result);
    result.catch(() => cache!.delete(key));
  }
  return result;
}

async function checkPlacement(ctx: TenantContext, base: Lookup, siteId: number, sectorId?: number) {
  if (!Number.isInteger(siteId) || siteId <= 0) throw new ValidationError("A site is required.", { siteId: ["A site is required."] });
  const [site] = await base.$queryRaw<{ id: number; accountId: number }[]>`SELECT id, "accountId" FROM sites WHERE id = ${siteId}`;
  const visible =
    site && (ctx.crossAccount ? crossAccountSiteIds(ctx).includes(site.id) : site.accountId === ctx.accountId && canAccessSite(ctx, site.id));
  if (!site || !visible) throw new NotFoundError("Site");
  if (sectorId !== undefined) {
    if (!Number.isInteger(sectorId) || sectorId <= 0) throw new ValidationError("A sector is required.", { sectorId: ["A sector is required."] });
    const [sector] = await base.$queryRaw<{ siteId: number }[]>`SELECT "siteId" FROM sectors WHERE id = ${sectorId}`;
    if (!sector) throw new NotFoundError("Sector");
    if (sector.siteId !== siteId) {
      throw new ValidationError("The sector does not belong to this site.", { sectorId: ["The sector does not belong to this site."] });
    }
  }
  return { accountId: site.accountId };
}

// The scoped client's tenant filter as raw SQL, for the reviewed raw statements (lib/db/README.md)
// that cannot go through Prisma: the same rows `scopeWhere` confines a query to.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TenantContext } from "./tenant-context";

/** Conditions on `alias`'s deletedAt, account, site access and selected site/sector. */
export function tenantSql(ctx: TenantContext, alias: string): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts = [Prisma.sql`${column("deletedAt")} IS NULL`];
  if (ctx.crossAccount) parts.push(Prisma.sql`${column("siteId")} = ANY(${ctx.siteAccess === "account" ? [] : ctx.siteAccess}::int[])`);
  else {
    parts.push(Prisma.sql`${column("accountId")} = ${ctx.accountId}`);
    if (ctx.siteAccess !== "account") parts.push(Prisma.sql`${column("siteId")} = ANY(${ctx.siteAccess}::int[])`);
  }
  if (ctx.siteId !== undefined) parts.push(Prisma.sql`${column("siteId")} = ${ctx.siteId}`);
  if (ctx.sectorId !== undefined) parts.push(Prisma.sql`${column("sectorId")} = ${ctx.sectorId}`);
  return parts;
}

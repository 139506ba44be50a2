// Author profiles: the voice (tone, language) content generation writes in.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import type { AuthorProfileInput, ListSettingsQuery } from "./schemas";

const ORDERING = ["name", "createdAt", "language", "tone"] as const;

export async function listAuthorProfiles(db: ScopedDb, query: ListSettingsQuery) {
  const where: Prisma.AuthorProfileWhereInput = {
    ...(query.search ? { OR: [{ name: { contains: query.search, mode: "insensitive" } }, { description: { contains: query.search, mode: "insensitive" } }] } : {}),
    ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ORDERING, "name");
  const [count, results] = await Promise.all([
    db.authorProfile.count({ where }),
    db.authorProfile.findMany({ where, orderBy: [{ [field]: direction }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results } satisfies Paginated<unknown>;
}

export async function getAuthorProfile(db: ScopedDb, id: number) {
  const profile = await db.authorProfile.findFirst({ where: { id } });
  if (!profile) throw new NotFoundError("Author profile");
  return profile;
}

export async function createAuthorProfile(db: ScopedDb, ctx: TenantContext, input: AuthorProfileInput) {
  assertCan(ctx.role, "write");
  return db.authorProfile.create({ data: { ...input, accountId: ctx.accountId } });
}

export async function updateAuthorProfile(db: ScopedDb, ctx: TenantContext, id: number, input: Partial<AuthorProfileInput>) {
  assertCan(ctx.role, "write");
  await getAuthorProfile(db, id);
  return db.authorProfile.update({ where: { id }, data: input });
}

export async function deleteAuthorProfile(db: ScopedDb, ctx: TenantContext, id: number) {
  assertCan(ctx.role, "write");
  await getAuthorProfile(db, id);
  await db.authorProfile.delete({ where: { id } });
}

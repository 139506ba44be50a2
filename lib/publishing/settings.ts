// Publishing settings per site: default destinations and status, category mapping, the rule that
// publishes automatically when content reaches review or published.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveDestinations } from "./destinations";
import type { PublishingSettingsInput } from "./schemas";

export type PublishingSettingsDto = {
  siteId: number;
  defaultDestinations: string[];
  defaultStatus: "publish" | "draft";
  categoryMapping: Record<string, string>;
  defaultCategory: string;
  autoPublishOn: "none" | "review" | "published";
};

export async function getPublishingSettings(db: ScopedDb, siteId: number): Promise<PublishingSettingsDto> {
  const row = await db.publishingSettings.findFirst({ where: { siteId } });
  return {
    siteId,
    defaultDestinations: row?.defaultDestinations ?? ["hosted"],
    defaultStatus: (row?.defaultStatus as "publish" | "draft") ?? "publish",
    categoryMapping: ((row?.categoryMapping ?? {}) as Record<string, string>) ?? {},
    defaultCategory: row?.defaultCategory ?? "",
    autoPublishOn: (row?.autoPublishOn as PublishingSettingsDto["autoPublishOn"]) ?? "none",
  };
}

export async function updatePublishingSettings(db: ScopedDb, ctx: TenantContext, siteId: number, input: PublishingSettingsInput): Promise<PublishingSettingsDto> {
  assertCan(ctx.role, "manageAccount");
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, accountId: true } });
  if (!site) throw new NotFoundError("Site");
  if (input.defaultDestinations) await resolveDestinations(db, siteId, input.defaultDestinations);
  const data = {
    ...(input.defaultDestinations ? { defaultDestinations: [...new Set(input.defaultDestinations)] } : {}),
    ...(input.defaultStatus ? { defaultStatus: input.defaultStatus } : {}),
    ...(input.categoryMapping ? { categoryMapping: input.categoryMapping as Prisma.InputJsonValue } : {}),
    ...(input.defaultCategory !== undefined ? { defaultCategory: input.defaultCategory } : {}),
    ...(input.autoPublishOn ? { autoPublishOn: input.autoPublishOn } : {}),
  };
  await db.publishingSettings.upsert({ where: { siteId }, create: { accountId: site.accountId, siteId, ...data }, update: data });
  return getPublishingSettings(db, siteId);
}

// The site's content types (Sites → Settings → Content types): which types the site publishes
// (post, page, product description, …), each with a default structure and length for new writer
// tasks and the destinations its articles publish to (empty: the site's default destinations).
// A site that never saved the tab uses DEFAULT_CONTENT_TYPES, whose structure and length are the
// writer's long-standing defaults (article, 1,500 words), so nothing changes until a site sets them.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import { resolveDestinations } from "@/lib/publishing/destinations";
import { CONTENT_TYPES, type CONTENT_STRUCTURES } from "@/lib/writer/constants";
import type { SaveContentTypesInput } from "./content-types-schema";

export type ContentTypeSetting = {
  type: (typeof CONTENT_TYPES)[number];
  enabled: boolean;
  isDefault: boolean;
  defaultStructure: (typeof CONTENT_STRUCTURES)[number];
  defaultWordCount: number;
  destinations: string[];
};

export const DEFAULT_CONTENT_TYPES: readonly ContentTypeSetting[] = [
  { type: "post", enabled: true, isDefault: true, defaultStructure: "article", defaultWordCount: 1500, destinations: [] },
  { type: "page", enabled: true, isDefault: false, defaultStructure: "article", defaultWordCount: 1500, destinations: [] },
  { type: "product", enabled: false, isDefault: false, defaultStructure: "article", defaultWordCount: 1500, destinations: [] },
  { type: "service", enabled: false, isDefault: false, defaultStructure: "article", defaultWordCount: 1500, destinations: [] },
  { type: "category", enabled: false, isDefault: false, defaultStructure: "article", defaultWordCount: 1500, destinations: [] },
];

async function assertSite(db: ScopedDb, siteId: number) {
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, accountId: true } });
  if (!site) throw new NotFoundError("Site");
  return site;
}

/** Every known type, in CONTENT_TYPES order: the saved settings, else the defaults. */
export async function listContentTypes(db: ScopedDb, siteId: number): Promise<ContentTypeSetting[]> {
  await assertSite(db, siteId);
  const rows = await db.siteContentType.findMany({ where: { siteId } });
  if (!rows.length) return DEFAULT_CONTENT_TYPES.map((t) => ({ ...t, destinations: [...t.destinations] }));
  const saved = new Map(rows.map((r) => [r.type, r]));
  return DEFAULT_CONTENT_TYPES.map((fallback) => {
    const row = saved.get(fallback.type);
    if (!row) return { ...fallback, enabled: false, isDefault: false };
    return { type: fallback.type, enabled: row.enabled, isDefault: row.isDefault, defaultStructure: row.defaultStructure as ContentTypeSetting["defaultStructure"], defaultWordCount: row.defaultWordCount, destinations: row.destinations };
  });
}

/** Owners and admins save the whole tab; destinations must be the site's own. */
export async function saveContentTypes(db: ScopedDb, ctx: TenantContext, siteId: number, input: SaveContentTypesInput): Promise<ContentTypeSetting[]> {
  assertCan(ctx.role, "manageAccount");
  const site = await assertSite(db, siteId);
  const keys = [...new Set(input.types.flatMap((t) => t.destinations))];
  if (keys.length) await resolveDestinations(db, siteId, keys);
  const order = new Map<string, number>(CONTENT_TYPES.map((t, i) => [t, i]));
  await db.$transaction(async (tx) => {
    await tx.siteContentType.deleteMany({ where: { siteId } });
    await tx.siteContentType.createMany({
      data: input.types.map((t) => ({ accountId: site.accountId, siteId, ...t, destinations: [...new Set(t.destinations)], sortOrder: order.get(t.type) ?? 99 })),
    });
  });
  return listContentTypes(db, siteId);
}

/**
 * The settings a new article of `type` gets on this site: that type's (when the site knows it),
 * else the site's default type's. Used by the writer's task defaults.
 */
export async function contentTypeDefaults(db: ScopedDb, siteId: number, type?: string | null): Promise<ContentTypeSetting> {
  const types = await listContentTypes(db, siteId);
  return types.find((t) => t.type === type) ?? types.find((t) => t.isDefault) ?? DEFAULT_CONTENT_TYPES[0];
}

/** Where articles of `type` publish on this site when no destination is chosen; null: the site's default destinations. */
export async function contentTypeDestinations(db: ScopedDb, siteId: number, type: string | null | undefined): Promise<string[] | null> {
  const setting = await contentTypeDefaults(db, siteId, type);
  return setting.destinations.length ? setting.destinations : null;
}

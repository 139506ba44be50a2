// Files of a site (logo, images) for the Site Builder: raster images only (type sniffed from the
// bytes, never the name or the client's claim), at most UPLOAD_MAX_BYTES, stored with lib/storage
// and served at /media/<key> (public while the site is active: lib/writer/media.ts).
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import type { SiteAsset } from "@/lib/generated/prisma/client";
import type { Paginated } from "@/lib/http/validation";
import { deleteFile, inspectImage, publicUrl } from "@/lib/storage";
import { saveImageFile } from "@/lib/storage/variants";
import { log } from "@/lib/log";
import { ASSET_ROLES } from "./schemas";

export type AssetRow = Omit<SiteAsset, "accountId" | "storageKey"> & { url: string };
const toRow = ({ accountId: _a, storageKey, ...asset }: SiteAsset): AssetRow => ({ ...asset, url: publicUrl(storageKey) });

async function siteOf(db: ScopedDb, siteId: number) {
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, accountId: true } });
  if (!site) throw new NotFoundError("Site");
  return site;
}

export async function listAssets(db: ScopedDb, query: { siteId: number; page: number; pageSize: number }): Promise<Paginated<AssetRow>> {
  await siteOf(db, query.siteId);
  const [count, rows] = await Promise.all([
    db.siteAsset.count({ where: { siteId: query.siteId } }),
    db.siteAsset.findMany({ where: { siteId: query.siteId }, orderBy: { id: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(toRow) };
}

export async function uploadAsset(db: ScopedDb, ctx: TenantContext, input: { siteId: number; role?: (typeof ASSET_ROLES)[number]; name?: string; bytes: Uint8Array; filename: string }): Promise<AssetRow> {
  assertCan(ctx.role, "write");
  const site = await siteOf(db, input.siteId);
  const file = inspectImage(input.bytes);
  const { storageKey } = await saveImageFile({ accountId: site.accountId, key: input.filename || "asset", bytes: input.bytes, mimeType: file.mimeType });
  try {
    const row = await db.siteAsset.create({
      data: { accountId: site.accountId, siteId: site.id, name: (input.name || input.filename || "asset").slice(0, 200), role: input.role ?? "image", storageKey, mimeType: file.mimeType, width: file.width, height: file.height, bytes: file.bytes },
    });
    return toRow(row);
  } catch (error) {
    await deleteFile(storageKey).catch(() => undefined);
    throw error;
  }
}

/** Deletes the assets (ids of other sites or accounts are ignored); returns how many. */
export async function deleteAssets(db: ScopedDb, ctx: TenantContext, ids: number[], siteId?: number): Promise<number> {
  assertCan(ctx.role, "write");
  const rows = await db.siteAsset.findMany({ where: { id: { in: ids }, ...(siteId ? { siteId } : {}) }, select: { id: true, storageKey: true } });
  if (!rows.length) return 0;
  await db.siteAsset.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  for (const row of rows) await deleteFile(row.storageKey).catch((error) => log.warn("asset file not deleted", { storageKey: row.storageKey, error: String(error) }));
  return rows.length;
}

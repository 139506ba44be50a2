// Who may fetch a stored image through /media/<key>:
//   - anyone, when the image belongs to a published article (hosted sites and feeds show it);
//   - nobody while the image or its article is in the trash (lib/trash);
//   - otherwise only signed-in users who can see the image's site (drafts stay private).
// Keys are also unguessable (128 random bits), but that is defence in depth, not the rule.
// Site Builder assets (SiteAsset rows) are public while their site is active. Files without an
// Image or SiteAsset row are never served. The image is found by its key before any tenant
// is known, so this reads through the unscoped client: a named place in lib/db/README.md.
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { isStorageKey } from "@/lib/storage";

export type MediaAccess = "public" | "private";

/** Site Builder assets (logo, images) are the hosted site's: public while the site is active. */
async function siteAssetAccess(storageKey: string, viewer: () => Promise<TenantContext | null>): Promise<MediaAccess | null> {
  const asset = await rootDb().siteAsset.findUnique({ where: { storageKey }, select: { id: true, site: { select: { isActive: true } } } });
  if (!asset) return null;
  if (asset.site.isActive) return "public";
  const ctx = await viewer();
  if (!ctx) return null;
  return (await scoped(ctx).siteAsset.count({ where: { id: asset.id } })) > 0 ? "private" : null;
}

export async function mediaAccess(storageKey: string, viewer: () => Promise<TenantContext | null>): Promise<MediaAccess | null> {
  if (!isStorageKey(storageKey)) return null;
  const image = await rootDb().image.findUnique({ where: { storageKey }, select: { id: true, deletedAt: true, content: { select: { status: true, deletedAt: true } } } });
  if (!image) return siteAssetAccess(storageKey, viewer);
  if (image.deletedAt || image.content?.deletedAt) return null;
  if (image.content?.status === "published") return "public";
  const ctx = await viewer();
  if (!ctx) return null;
  return (await scoped(ctx).image.count({ where: { id: image.id } })) > 0 ? "private" : null;
}

// The site's rule "publish automatically when content reaches review / published" (publishing
// settings). Called by the writer after a status change; never fails the save that triggered it.
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { log } from "@/lib/log";
import { defaultDestinationsFor, requestPublish } from "./service";
import { getPublishingSettings } from "./settings";

export async function autoPublishOnStatus(db: ScopedDb, ctx: TenantContext, contentIds: number[], status: string): Promise<number> {
  if (status !== "review" && status !== "published") return 0;
  let started = 0;
  const contents = await db.content.findMany({ where: { id: { in: contentIds } }, select: { id: true, siteId: true } });
  const settingsBySite = new Map<number, Awaited<ReturnType<typeof getPublishingSettings>>>();
  for (const content of contents) {
    try {
      if (!settingsBySite.has(content.siteId)) settingsBySite.set(content.siteId, await getPublishingSettings(db, content.siteId));
      const settings = settingsBySite.get(content.siteId)!;
      if (settings.autoPublishOn !== status) continue;
      // Nowhere to go: neither the site's default destinations nor the article's content type's.
      if (!settings.defaultDestinations.length && !(await defaultDestinationsFor(db, content))) continue;
      await requestPublish(db, ctx, { contentId: content.id });
      started++;
    } catch (error) {
      log.warn("automatic publishing did not start", { contentId: content.id, error: (error as Error).message });
    }
  }
  return started;
}

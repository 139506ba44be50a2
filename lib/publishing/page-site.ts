// The site of a /manage/sites/[id]/… page: scoped (another account's id → 404), for pages only.
import type { ScopedDb } from "@/lib/db/scoped";
import { getSite, type SiteDto } from "@/lib/sites/service";
import { isAppError } from "@/lib/errors";

export async function siteForPage(db: ScopedDb, rawId: string, notFound: () => never): Promise<SiteDto> {
  if (!/^\d{1,10}$/.test(rawId)) notFound();
  return getSite(db, Number(rawId)).catch((error) => (isAppError(error) && error.status === 404 ? notFound() : Promise.reject(error)));
}

// Scheduled publishing. Records wait as "scheduled" with `scheduledAt`; when it is due, one
// claim (UPDATE … RETURNING, so two processes never claim the same record) turns them "pending"
// and a publishing run per article publishes them. Driven every 30 s by an interval in the
// in-process runtime (started on boot), or by the `publish-scheduled` Inngest cron function when an
// Inngest server is configured. WordPress records were already sent as `future` posts, so WordPress
// publishes them on time by itself; the run then confirms them (and picks up the final URL).
// A named place of the unscoped client: the claim spans every account (see lib/db/README.md).
import { rootDb } from "@/lib/db/client";
import type { TenantContext } from "@/lib/db/tenant-context";
import { log } from "@/lib/log";
import { startPublishRun } from "./service";

type Claimed = { id: number; accountId: number; siteId: number; sectorId: number; contentId: number };

/** Claims the due scheduled records and starts their runs. Returns how many were claimed. */
export async function publishDueRecords(limit = 200): Promise<number> {
  const claimed = await rootDb().$queryRaw<Claimed[]>`
    UPDATE publishing_records SET status = 'pending', "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM publishing_records
      WHERE status = 'scheduled' AND "scheduledAt" <= now()
        -- An article in the trash keeps its schedule; it resumes if the article is restored.
        AND NOT EXISTS (SELECT 1 FROM content c WHERE c.id = publishing_records."contentId" AND c."deletedAt" IS NOT NULL)
      ORDER BY "scheduledAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "accountId", "siteId", "sectorId", "contentId"`;
  const byContent = new Map<number, Claimed[]>();
  for (const row of claimed) byContent.set(row.contentId, [...(byContent.get(row.contentId) ?? []), row]);
  for (const rows of byContent.values()) {
    const first = rows[0];
    // The scheduler acts for the account (no user): like the system bot, on every site of it.
    const ctx: TenantContext = { userId: null, accountId: first.accountId, role: "system_bot", crossAccount: false, siteAccess: "account" };
    try {
      await startPublishRun(ctx, { siteId: first.siteId, sectorId: first.sectorId }, rows.map((r) => r.id));
    } catch (error) {
      log.error("could not start a scheduled publish", { contentId: first.contentId, error: (error as Error).message });
      await rootDb().publishingRecord.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status: "pending" }, data: { status: "scheduled" } });
    }
  }
  if (claimed.length) log.info("scheduled publishing started", { records: claimed.length });
  return claimed.length;
}

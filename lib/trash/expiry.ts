// The 30-day purge. Entries older than TRASH_RETENTION_DAYS are found across every account (a
// named place of the unscoped client, lib/db/README.md), then purged per account through that
// account's scoped client, exactly as "Delete forever" does.
//
// Driven by the job layer's hourly `purge-expired-trash` schedule (lib/jobs/table.ts).
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { log } from "@/lib/log";
import { purgeEntries } from "./purge";
import { TRASH_RETENTION_DAYS } from "./types";

const BATCH = 500;

/** Purges everything trashed at least TRASH_RETENTION_DAYS before `now`. Returns how many items went. */
export async function purgeExpiredTrash(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * 86_400_000);
  let purged = 0;
  for (;;) {
    const due = await rootDb().trashEntry.findMany({ where: { deletedAt: { lte: cutoff } }, orderBy: { deletedAt: "asc" }, take: BATCH, select: { id: true, accountId: true, itemType: true, itemId: true } });
    if (!due.length) break;
    const byAccount = new Map<number, typeof due>();
    for (const entry of due) byAccount.set(entry.accountId, [...(byAccount.get(entry.accountId) ?? []), entry]);
    for (const [accountId, entries] of byAccount) {
      // The purge acts for the account (no user), on every site of it, like the scheduler.
      const ctx: TenantContext = { userId: null, accountId, role: "system_bot", crossAccount: false, siteAccess: "account" };
      purged += await purgeEntries(scoped(ctx), entries);
    }
    if (due.length < BATCH) break;
  }
  if (purged) log.info("trash purged", { items: purged, olderThanDays: TRASH_RETENTION_DAYS });
  return purged;
}

// Deleting forever: from the Trash page (owners and admins), and for everything trashed more than
// TRASH_RETENTION_DAYS ago (lib/trash/expiry.ts). The rows go with the database's own cascades
// (publishing records, hosted snapshots, links and optimizations of an article); stored image files
// go after the rows.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { TrashEntry } from "@/lib/generated/prisma/client";
import { assertAllVisible } from "@/lib/writer/lookups";
import { onlyTrashed, removeFiles, TRASH_TRANSACTION } from "./entries";

export async function purgeTrash(db: ScopedDb, ctx: TenantContext, entryIds: number[]): Promise<{ purged: number }> {
  assertCan(ctx.role, "manageAccount");
  const entries = await db.trashEntry.findMany({ where: { id: { in: entryIds } } });
  await assertAllVisible(entries.length, entryIds, "Trash item");
  return { purged: await purgeEntries(db, entries) };
}

/** Removes the entries' items (only while they are still in the trash) and the entries. */
export async function purgeEntries(db: ScopedDb, entries: Pick<TrashEntry, "id" | "itemType" | "itemId">[]): Promise<number> {
  if (!entries.length) return 0;
  const ids = (type: TrashEntry["itemType"]) => entries.filter((e) => e.itemType === type).map((e) => e.itemId);
  const files = await db.$transaction(async (tx) => {
    const contentIds = ids("content");
    const images = await tx.image.findMany({ where: { OR: [{ id: { in: ids("image") } }, { contentId: { in: contentIds } }], ...onlyTrashed }, select: { id: true, storageKey: true } });
    await tx.image.deleteMany({ where: { id: { in: images.map((i) => i.id) }, ...onlyTrashed } });
    await tx.content.deleteMany({ where: { id: { in: contentIds }, ...onlyTrashed } });
    await tx.task.deleteMany({ where: { id: { in: ids("task") }, ...onlyTrashed } });
    await tx.contentIdea.deleteMany({ where: { id: { in: ids("idea") }, ...onlyTrashed } });
    await tx.cluster.deleteMany({ where: { id: { in: ids("cluster") }, ...onlyTrashed } });
    await tx.keyword.deleteMany({ where: { id: { in: ids("keyword") }, ...onlyTrashed } });
    await tx.trashEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
    return images.map((i) => i.storageKey);
  }, TRASH_TRANSACTION);
  await removeFiles(files);
  return entries.length;
}

// Trash entries: written when items are trashed, read back (with their details) on restore and purge.
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { Prisma, TrashEntry } from "@/lib/generated/prisma/client";
import { deleteFile } from "@/lib/storage";
import { log } from "@/lib/log";
import type { TrashDetails, TrashItemType } from "./types";

/** The scoped client or a transaction on it (the models the trash touches). */
export type Db = Pick<ScopedDb, "keyword" | "keywordCluster" | "cluster" | "contentIdea" | "task" | "content" | "image" | "trashEntry" | "publishingRecord" | "hostedPost" | "site">;

/** Rows selected with `includingTrashed` spread into their `where` are read whether live or trashed. */
export const includingTrashed = { deletedAt: undefined } as const;
export const onlyTrashed = { deletedAt: { not: null } } as const;

export type TrashedItem<T extends TrashItemType> = { id: number; siteId: number; sectorId: number; label: string; details: TrashDetails[T] };

export async function recordEntries<T extends TrashItemType>(tx: Db, ctx: TenantContext, type: T, items: TrashedItem<T>[], deletedAt: Date) {
  if (!items.length) return;
  await tx.trashEntry.createMany({
    data: items.map((item) => ({
      accountId: ctx.accountId, // replaced by the site's account (scoped create)
      siteId: item.siteId,
      sectorId: item.sectorId,
      itemType: type,
      itemId: item.id,
      label: item.label.trim().slice(0, 300) || `${type} #${item.id}`,
      details: item.details as Prisma.InputJsonValue,
      deletedById: ctx.userId,
      deletedAt,
    })),
  });
}

export function detailsOf<T extends TrashItemType>(entry: Pick<TrashEntry, "details">): TrashDetails[T] {
  return (entry.details ?? {}) as TrashDetails[T];
}

/** Merges into the details of the entry of a trashed item (when a restore has to leave a link for later). */
export async function patchEntryDetails<T extends TrashItemType>(tx: Db, type: T, itemId: number, patch: (details: TrashDetails[T]) => TrashDetails[T]) {
  const entry = await tx.trashEntry.findFirst({ where: { itemType: type, itemId } });
  if (!entry) return;
  await tx.trashEntry.update({ where: { id: entry.id }, data: { details: patch(detailsOf<T>(entry)) as Prisma.InputJsonValue } });
}

/** Files go after the rows: a failed file delete leaves an unreachable file, never a broken row. */
export async function removeFiles(keys: (string | null)[]) {
  for (const key of keys) {
    if (!key) continue;
    await deleteFile(key).catch((error) => log.warn("stored file not deleted", { storageKey: key, error }));
  }
}

export function byType(entries: TrashEntry[]): Map<TrashItemType, TrashEntry[]> {
  const groups = new Map<TrashItemType, TrashEntry[]>();
  for (const entry of entries) groups.set(entry.itemType, [...(groups.get(entry.itemType) ?? []), entry]);
  return groups;
}

// Trash entries: written when items are trashed, read back (with their details) on restore and purge.
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { Prisma, TrashEntry } from "@/lib/generated/prisma/client";
import { deleteFile } from "@/lib/storage";
import { log } from "@/lib/log";
import type { TrashDetails, TrashItemType } from "./types";

/** The scoped client or a transaction on it (the models the trash touches). */
export type Db = Pick<ScopedDb, "keyword" | "keywordCluster" | "cluster" | "contentIdea" | "task" | "content" | "image" | "trashEntry" | "publishingRecord" | "hostedPost" | "site" | "$executeRaw">;

/** Moving thousands of rows at once (a bulk delete of 10,000 keywords) outlasts the default 5 s. */
export const TRASH_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/** Rows selected with `includingTrashed` spread into their `where` are read whether live or trashed. */
export const includingTrashed = { deletedAt: undefined } as const;
export const onlyTrashed = { deletedAt: { not: null } } as const;

export type TrashedItem<T extends TrashItemType> = { id: number; accountId: number; siteId: number; sectorId: number; label: string; details: TrashDetails[T] };

/**
 * One INSERT for any number of entries (createMany of 10,000 rows takes seconds). Raw SQL, so it
 * bypasses the scoped client: `items` must be rows just read (and trashed) through it, which is
 * where their account, site and sector come from.
 */
export async function recordEntries<T extends TrashItemType>(tx: Db, ctx: TenantContext, type: T, items: TrashedItem<T>[], deletedAt: Date) {
  if (!items.length) return;
  const column = <V>(pick: (item: TrashedItem<T>) => V) => items.map(pick);
  await tx.$executeRaw`
    INSERT INTO trash_entries ("accountId", "siteId", "sectorId", "itemType", "itemId", label, details, "deletedById", "deletedAt")
    SELECT a, s, se, ${type}::"TrashItemType", i, l, d::jsonb, ${ctx.userId}, ${deletedAt}
    FROM unnest(${column((i) => i.accountId)}::int[], ${column((i) => i.siteId)}::int[], ${column((i) => i.sectorId)}::int[], ${column((i) => i.id)}::int[],
                ${column((i) => i.label.trim().slice(0, 300) || `${type} #${i.id}`)}::text[], ${column((i) => JSON.stringify(i.details))}::text[]) AS t(a, s, se, i, l, d)`;
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

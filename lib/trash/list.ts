// The Trash page and GET /api/v1/trash/: what was deleted, by whom, and when it will be purged.
import type { ScopedDb } from "@/lib/db/scoped";
import type { Prisma, TrashEntry } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { plural } from "@/lib/writer/lookups";
import { detailsOf } from "./entries";
import type { TrashListQuery } from "./schemas";
import { purgeDate, TRASH_ITEM_TYPES, type TrashItemType } from "./types";

export type TrashRow = {
  id: number;
  itemType: TrashItemType;
  itemId: number;
  label: string;
  /** What comes back with it ("3 images", "12 keywords"). */
  note: string;
  siteId: number;
  sectorId: number;
  sectorName: string;
  deletedAt: Date;
  deletedBy: string | null;
  purgeAt: Date;
};

const ORDERING = ["deletedAt", "label", "itemType"] as const;

export async function listTrash(db: ScopedDb, query: TrashListQuery): Promise<Paginated<TrashRow>> {
  const where: Prisma.TrashEntryWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.type ? { itemType: query.type } : {}),
    ...(query.search ? { label: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, ORDERING, "-deletedAt");
  const [count, rows] = await Promise.all([
    db.trashEntry.count({ where }),
    db.trashEntry.findMany({ where, orderBy: [{ [field]: direction }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize, include: { sector: { select: { name: true } } } }),
  ]);
  const userIds = [...new Set(rows.map((r) => r.deletedById).filter((id): id is number => id !== null))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name || u.email]));
  return {
    count,
    results: rows.map((r) => ({
      id: r.id,
      itemType: r.itemType,
      itemId: r.itemId,
      label: r.label,
      note: noteFor(r),
      siteId: r.siteId,
      sectorId: r.sectorId,
      sectorName: r.sector.name,
      deletedAt: r.deletedAt,
      deletedBy: r.deletedById ? (names.get(r.deletedById) ?? null) : null,
      purgeAt: purgeDate(r.deletedAt),
    })),
  };
}

function noteFor(entry: TrashEntry): string {
  switch (entry.itemType) {
    case "keyword": {
      const n = detailsOf<"keyword">(entry).clusterIds?.length ?? 0;
      return n ? `in ${plural(n, "cluster")}` : "";
    }
    case "cluster": {
      const d = detailsOf<"cluster">(entry);
      return [d.keywordIds?.length && plural(d.keywordIds.length, "keyword"), d.ideaIds?.length && plural(d.ideaIds.length, "idea")].filter(Boolean).join(", ");
    }
    case "task":
      return detailsOf<"task">(entry).contentId ? "article kept in Drafts" : "";
    case "content": {
      const d = detailsOf<"content">(entry);
      return [d.imageIds?.length && `with ${plural(d.imageIds.length, "image")}`, d.unpublished && "unpublished from its destinations"].filter(Boolean).join(", ");
    }
    case "image":
      return detailsOf<"image">(entry).contentId ? "from an article" : "";
    default:
      return "";
  }
}

/** How many items of each type are in the trash (the Trash page's type tabs). */
export async function countTrashByType(db: ScopedDb, filter: { siteId?: number; sectorId?: number }): Promise<Record<TrashItemType, number>> {
  const groups = await db.trashEntry.groupBy({ by: ["itemType"], where: { ...(filter.siteId ? { siteId: filter.siteId } : {}), ...(filter.sectorId ? { sectorId: filter.sectorId } : {}) }, _count: { _all: true } });
  const counts = Object.fromEntries(TRASH_ITEM_TYPES.map((t) => [t, 0])) as Record<TrashItemType, number>;
  for (const g of groups) counts[g.itemType] = g._count._all;
  return counts;
}

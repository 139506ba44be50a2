// Plain values shared by the trash's services, schemas and UI (safe for client components).
export const TRASH_ITEM_TYPES = ["keyword", "cluster", "idea", "task", "content", "image"] as const;
export type TrashItemType = (typeof TRASH_ITEM_TYPES)[number];

/** Trashed items are purged this many days after they were deleted. */
export const TRASH_RETENTION_DAYS = 30;

export function purgeDate(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + TRASH_RETENTION_DAYS * 86_400_000);
}

/** What to do with an article's copies on its destinations when it goes to the trash. */
export const PUBLISHED_COPIES_CHOICES = ["unpublish", "keep"] as const;
export type PublishedCopiesChoice = (typeof PUBLISHED_COPIES_CHOICES)[number];

/**
 * What a trash entry keeps to put things back: links set aside so that no live list shows a
 * trashed row, and the rows trashed along with the item.
 */
export type TrashDetails = {
  keyword: { clusterIds: number[] };
  cluster: { keywordIds: number[]; ideaIds: number[] };
  idea: Record<string, never>;
  task: { ideaId: number | null; ideaRequeued: boolean; contentId: number | null };
  content: { taskId: number | null; imageIds: number[]; unpublished: boolean };
  /** `section`: the H2 section of the article's HTML the image was in (0 = the introduction); null when it was not in the HTML. */
  image: { contentId: number | null; section: number | null };
};

// The trash (see README.md): deleting keywords, clusters, ideas, tasks, articles and images moves
// them here; they can be restored for TRASH_RETENTION_DAYS, then they are purged.
export { trashKeywords, trashClusters, trashIdeas, trashTasks, trashContents, trashImages, publishedCopiesOf, type PublishedCopy, type TrashContentsResult } from "./move";
export { restoreTrash, type RestoreReport } from "./restore";
export { purgeTrash } from "./purge";
export { purgeExpiredTrash } from "./expiry";
export { listTrash, countTrashByType, type TrashRow } from "./list";
export { releaseTrashedKeywords } from "./keywords";

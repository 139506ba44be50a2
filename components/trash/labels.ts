// Plain labels for the Trash page (server and client).
import type { TrashItemType } from "@/lib/trash/types";

export const TRASH_TYPE_LABELS: Record<TrashItemType, { one: string; many: string }> = {
  keyword: { one: "Keyword", many: "Keywords" },
  cluster: { one: "Cluster", many: "Clusters" },
  idea: { one: "Idea", many: "Ideas" },
  task: { one: "Task", many: "Tasks" },
  content: { one: "Article", many: "Articles" },
  image: { one: "Image", many: "Images" },
};

export const TRASH_SORT_FIELDS = ["deletedAt", "label", "itemType"] as const;

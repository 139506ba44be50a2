import { CONTENT_STRUCTURES, CONTENT_TYPES, type ContentStatus, type ImageType, type TaskStatus } from "@/lib/writer/constants";

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { queued: "Queued", in_progress: "In progress", completed: "Completed", failed: "Failed" };
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = { draft: "Draft", review: "In review", published: "Published" };
export const IMAGE_TYPE_LABELS: Record<ImageType, string> = { featured: "Featured", in_article: "In article", desktop: "Desktop", mobile: "Mobile" };

export const TASK_STATUS_VARIANTS = { queued: "secondary", in_progress: "warning", completed: "success", failed: "destructive" } as const;
export const CONTENT_STATUS_VARIANTS = { draft: "secondary", review: "warning", published: "success" } as const;

const words = (value: string) => value.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
export const CONTENT_TYPE_LABELS = Object.fromEntries(CONTENT_TYPES.map((t) => [t, words(t)])) as Record<string, string>;
export const CONTENT_STRUCTURE_LABELS = Object.fromEntries(CONTENT_STRUCTURES.map((t) => [t, t === "how_to" ? "How-to" : t === "faq" ? "FAQ" : words(t)])) as Record<string, string>;

export function labelFor(map: Record<string, string>, value: string): string {
  return map[value] ?? words(value);
}

export const formatDate = (value: Date | string | null | undefined) =>
  value ? new Date(value).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : "—";
export const formatNumber = (n: number) => n.toLocaleString("en-US");

// Plain values shared by schemas, services and the UI (safe to import from client components).
export const TASK_STATUSES = ["queued", "in_progress", "completed", "failed"] as const;
export const CONTENT_STATUSES = ["draft", "review", "published"] as const;
export const IMAGE_TYPES = ["featured", "in_article", "desktop", "mobile"] as const;
export const IMAGE_STATUSES = ["pending", "generating", "generated", "failed"] as const;

/** Known values offered in forms and filters; stored values may be any short slug (ideas bring their own). */
export const CONTENT_TYPES = ["post", "page", "product", "service", "category"] as const;
export const CONTENT_STRUCTURES = ["article", "guide", "how_to", "listicle", "comparison", "review", "news", "faq"] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * The editorial flow: draft → review → published. Content can always go back to draft, and review
 * can be skipped backwards; publishing needs a review first.
 */
export const CONTENT_TRANSITIONS: Readonly<Record<ContentStatus, readonly ContentStatus[]>> = {
  draft: ["review"],
  review: ["draft", "published"],
  published: ["draft", "review"],
};

export function canMoveContent(from: ContentStatus, to: ContentStatus): boolean {
  return from === to || CONTENT_TRANSITIONS[from].includes(to);
}

/** Search-snippet guidance shown in the editor (characters). */
export const META_TITLE_RANGE = { min: 50, max: 60 } as const;
export const META_DESCRIPTION_RANGE = { min: 120, max: 155 } as const;

export const TASK_SORT_FIELDS = ["title", "createdAt", "wordCount", "status"] as const;
export const CONTENT_SORT_FIELDS = ["title", "createdAt", "updatedAt", "publishedAt", "wordCount", "status"] as const;

// The contract between the publisher service and a publishing destination (WordPress, Shopify).
// Adapters never touch the database: the publisher stores what they return (remoteId, media ids)
// and passes it back on the next publish so that publishing stays idempotent.

export type PublishImage = {
  /** Stable key of the image in the app (the same key → the same remote media on later publishes). */
  key: string;
  filename: string;
  mimeType: string;
  alt: string;
  load: () => Promise<Uint8Array>;
  /** The URL used in the app's HTML for this image, rewritten to the remote URL. */
  placeholderUrl: string;
  /** Pixel size when known (hosted pages reserve the space: no layout shift). */
  width?: number | null;
  height?: number | null;
};

export type PublishInput = {
  contentId: number;
  title: string;
  html: string;
  excerpt?: string;
  slug?: string;
  status: "draft" | "publish" | "future";
  /** Required when status is "future". */
  scheduledAtGmt?: Date;
  categories?: string[];
  tags?: string[];
  /** undefined: leave the remote featured image alone; null: remove it. */
  featuredImage?: PublishImage | null;
  inlineImages?: PublishImage[];
  seo?: { metaTitle?: string; metaDescription?: string; focusKeyword?: string };
  /** Known remote post id from a previous publish → update that post. */
  remoteId?: string | null;
  /** Image key → remote media id from previous publishes (reused, not re-uploaded, while it exists). */
  knownMedia?: Record<string, string>;
};

export type PublishResult = {
  remoteId: string;
  url: string;
  status: string;
  /** Image key → remote media id, for every image of this publish. */
  media: Record<string, string>;
  /** ISO 8601 UTC ("…Z"). */
  modifiedGmt?: string;
  /** Non-fatal problems (SEO meta not writable, a term that could not be created, …), human-readable. */
  warnings: string[];
};

export type ConnectionCheckName = "reachable" | "rest_api" | "authentication" | "create_posts" | "upload_media" | "seo_plugin";

export type ConnectionCheck = {
  /** True when every required check passed; "seo_plugin" is informational and does not count. */
  ok: boolean;
  checks: { name: ConnectionCheckName; ok: boolean; detail: string }[];
};

export type RemotePost = { remoteId: string; status: string; /** ISO 8601 UTC ("…Z"). */ modifiedGmt: string; url: string; title: string };

/** What a two-way sync pulls into the remote inventory (RemoteItem.kind). */
export type RemoteItemKind = "post" | "page" | "article" | "category" | "tag" | "post_type";

/** The kinds content is published as: compared with publishing records and linked to articles. */
export const PUBLISHED_KINDS: readonly RemoteItemKind[] = ["post", "page", "article"];

export type RemoteItemSummary = { kind: RemoteItemKind; remoteId: string; title: string; slug: string; url: string; status: string; modifiedAt: Date | null; data?: Record<string, unknown> };

/** One page of the platform's list of one kind. */
export type RemoteItemBatch = {
  kind: RemoteItemKind;
  items: RemoteItemSummary[];
  /** The last batch of this kind. */
  done: boolean;
  /** With `done`: the platform has more than a sync pulls, so items not seen may still exist. */
  truncated?: boolean;
};

export interface PublishingAdapter {
  /** Never throws for expected failures (unreachable, wrong credentials, missing rights): reports them. */
  testConnection(): Promise<ConnectionCheck>;
  /** Create or update (idempotent: a retry after a timeout does not create a duplicate). */
  publish(input: PublishInput): Promise<PublishResult>;
  /** Default: back to draft; `delete` → moved to the trash. A post that no longer exists is not an error. */
  unpublish(remoteId: string, options?: { delete?: boolean }): Promise<void>;
  /** null when the remote post no longer exists. */
  fetchRemote?(remoteId: string): Promise<RemotePost | null>;
  /** Two-way sync: the kinds `listRemoteItems` yields, in order. */
  readonly remoteKinds?: readonly RemoteItemKind[];
  /** Two-way sync: everything of `remoteKinds` the platform has, page by page (kinds in order). */
  listRemoteItems?(): AsyncGenerator<RemoteItemBatch>;
}

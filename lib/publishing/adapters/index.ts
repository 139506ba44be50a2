export type {
  ConnectionCheck,
  ConnectionCheckName,
  PublishImage,
  PublishInput,
  PublishResult,
  PublishingAdapter,
  RemoteItemBatch,
  RemoteItemKind,
  RemoteItemSummary,
  RemotePost,
} from "./types";
export { PUBLISHED_KINDS } from "./types";
export {
  createWordPressAdapter,
  contentMarker,
  type ListPostsQuery,
  type ListPostsResult,
  type WordPressAdapter,
  type WordPressAdapterConfig,
  type WordPressExtras,
  type WordPressPostSummary,
  type WordPressPostType,
  type WordPressTerm,
} from "./wordpress/adapter";
export { isWordPressError, normalizeBaseUrl, WordPressError, type WordPressErrorKind } from "./wordpress/client";
export { createShopifyAdapter, ShopifyError, SHOPIFY_REMOTE_KINDS, type ShopifyAdapterConfig } from "./shopify/adapter";
export { nextPageInfo, SHOPIFY_MAX_LIMIT } from "./shopify/pagination";
export { createWebhookAdapter, signWebhook, WebhookError, WEBHOOK_HEADERS, type WebhookAdapter, type WebhookAdapterConfig, type WebhookAttempt, type WebhookEvent } from "./webhook/adapter";

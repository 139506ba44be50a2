// REST response schemas of publishing, integrations and the WordPress bridge (the API description
// and contract tests read them).
import { z } from "zod";
import { deployedBlueprintResponse } from "@/lib/site-builder/public-responses";
import { DeploymentRecordModel, HostingTypeSchema, PublishingRecordModel, PublishingStatusSchema, SiteIntegrationModel, SiteTypeSchema, SyncStatusSchema, WebhookDeliveryModel } from "@/lib/generated/model-schemas";

const id = z.number().int();

export const recordResponse = PublishingRecordModel.omit({ accountId: true }).extend({
  destinationLabel: z.string(),
  content: z.object({ id, title: z.string(), status: z.string() }).optional(),
});

export const publishStartedResponse = z.object({ taskId: z.string().nullable(), records: z.array(recordResponse) });

export const unpublishResponse = z.object({
  results: z.array(z.object({ destinationKey: z.string(), ok: z.boolean(), error: z.string().optional() })),
  records: z.array(recordResponse),
});

export const deploymentResponse = DeploymentRecordModel.omit({ accountId: true });
/** A create answers the stored row as it is (with `account_id`). */
export const deploymentCreatedResponse = DeploymentRecordModel;

export const readinessResponse = z.object({
  ready: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string(), blocking: z.boolean() })),
  pages: z.number().int(),
  posts: z.number().int(),
});

const image = z.object({ url: z.string(), alt: z.string() }).nullable();

export const siteDefinitionResponse = z.object({
  site: z.object({ id, name: z.string(), slug: z.string(), domain: z.string().nullable(), description: z.string(), siteType: SiteTypeSchema, hostingType: HostingTypeSchema, seoMetadata: z.unknown(), language: z.string().describe("BCP 47 tag of the hosted site's language"), industryId: id.nullable() }),
  navigation: z.array(z.object({ title: z.string(), path: z.string() })),
  pages: z.array(
    z.object({ path: z.string(), slug: z.string(), title: z.string(), template: z.enum(["default", "wide", "landing"]), metaDescription: z.string(), showInNav: z.boolean(), sortOrder: z.number().int(), updatedAt: z.date() }),
  ),
  posts: z.array(
    z.object({
      path: z.string(),
      slug: z.string(),
      title: z.string(),
      excerpt: z.string(),
      metaTitle: z.string(),
      metaDescription: z.string(),
      featuredImage: image,
      categories: z.array(z.string()),
      tags: z.array(z.string()),
      author: z.string(),
      publishedAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
  deployment: z.object({ version: z.number().int(), deployedAt: z.date().nullable() }).nullable(),
  blueprint: deployedBlueprintResponse.nullable().describe("The Site Builder blueprint last deployed to the site: navigation tree, taxonomies, assets"),
});

export const integrationResponse = SiteIntegrationModel.omit({ accountId: true, credentials: true, config: true }).extend({
  config: z.object({
    baseUrl: z.string().optional(),
    username: z.string().optional(),
    shopDomain: z.string().optional(),
    blogId: z.string().optional(),
    endpoint: z.string().optional(),
    mode: z.literal("bridge").optional(),
    wpVersion: z.string().optional(),
    pluginVersion: z.string().optional(),
  }),
  credentialsMasked: z.record(z.string(), z.string().nullable()),
  hasCredentials: z.boolean(),
});

/** A create answers a webhook's signing secret once (custom integrations only). */
export const integrationCreatedResponse = integrationResponse.extend({ signingSecret: z.string().optional().describe("custom: the webhook signing secret, shown only here and on rotation") });

export const deliveryResponse = WebhookDeliveryModel.omit({ accountId: true });
export const testEventResponse = z.object({ ok: z.boolean(), delivery: deliveryResponse });
export const signingSecretResponse = z.object({ signingSecret: z.string(), integration: integrationResponse });

export const connectionTestResponse = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.enum(["reachable", "rest_api", "authentication", "create_posts", "upload_media", "seo_plugin"]), ok: z.boolean(), detail: z.string() })),
  integration: integrationResponse,
});

export const remoteItemResponse = z.object({
  id,
  kind: z.string(),
  remoteId: z.string(),
  title: z.string(),
  slug: z.string(),
  url: z.string(),
  status: z.string(),
  modifiedAt: z.date().nullable(),
  contentId: id.nullable(),
  syncedAt: z.date(),
  changedRemotely: z.boolean(),
});

export const syncHealthResponse = z.object({
  integrationId: id,
  platform: z.enum(["wordpress", "shopify", "custom"]),
  syncEnabled: z.boolean(),
  syncStatus: SyncStatusSchema,
  lastSyncAt: z.date().nullable(),
  syncError: z.string().nullable(),
  healthy: z.boolean(),
  counts: z.object({ posts: z.number().int(), pages: z.number().int(), articles: z.number().int(), categories: z.number().int(), tags: z.number().int(), postTypes: z.number().int() }),
  changedRemotely: z.number().int(),
  failedRecords: z.number().int(),
  pendingRecords: z.number().int(),
  lastStats: z.unknown(),
  bridgeSeenAt: z.date().nullable(),
});

export const bridgeStatusResponse = z.object({
  connected: z.boolean(),
  site: z.object({ id, name: z.string(), slug: z.string() }).nullable(),
  integrationId: id,
  serverTime: z.string(),
  contentReady: z.number().int(),
});

export const bridgeContentResponse = z.object({
  contentId: id,
  title: z.string(),
  html: z.string().describe("The article's HTML, as the WordPress plugin reads it."),
  excerpt: z.string(),
  slug: z.string(),
  status: z.string(),
  metaTitle: z.string(),
  metaDescription: z.string(),
  focusKeyword: z.string(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  featuredImage: image,
  updatedAt: z.date(),
});

export const bridgeResultResponse = z.object({ recordId: id, status: PublishingStatusSchema });
export const bridgeChangesResponse = z.object({ received: z.number().int(), changed: z.number().int(), deleted: z.number().int() });
export const bridgeStructureResponse = z.object({ postTypes: z.number().int(), terms: z.number().int() });

const changedItem = z.object({ id, title: z.string(), slug: z.string(), updatedAt: z.date() });
export const deploymentDetailResponse = deploymentResponse.extend({
  changes: z.object({
    previousVersion: z.number().int().nullable(),
    pages: z.object({ before: z.number().int(), after: z.number().int() }),
    posts: z.object({ before: z.number().int(), after: z.number().int() }),
    checks: z.array(z.object({ name: z.string(), before: z.boolean().nullable(), after: z.boolean(), detail: z.string() })),
    postsUpdated: z.array(changedItem),
    pagesUpdated: z.array(changedItem),
  }),
});

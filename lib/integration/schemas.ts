import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";

export const PLATFORMS = ["wordpress", "shopify", "custom"] as const;
const httpUrl = z.url({ protocol: /^https?$/, error: "Enter a full http(s):// address." }).max(300);
const name = z.string().trim().max(120).optional();
const flags = { isActive: z.boolean().optional(), syncEnabled: z.boolean().optional(), name };

const wordpress = z
  .object({
    platform: z.literal("wordpress"),
    siteId: idSchema,
    baseUrl: httpUrl,
    username: z.string().trim().min(1, "The WordPress username is required.").max(120),
    appPassword: z.string().trim().min(1, "The application password is required.").max(200),
    ...flags,
  })
  .strict();
const shopify = z
  .object({
    platform: z.literal("shopify"),
    siteId: idSchema,
    shopDomain: z.string().trim().min(3, "The shop domain is required.").max(200),
    accessToken: z.string().trim().min(1, "The Admin API access token is required.").max(300),
    blogId: z.string().trim().regex(/^\d*$/, "Use the numeric blog id.").max(30).optional(),
    ...flags,
  })
  .strict();
const custom = z.object({ platform: z.literal("custom"), siteId: idSchema, endpoint: httpUrl, apiKey: z.string().trim().max(300).optional(), ...flags }).strict();

export const createIntegrationSchema = z.discriminatedUnion("platform", [wordpress, shopify, custom], { error: "platform must be wordpress, shopify or custom." });
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

/** Secrets left empty keep the stored ones. */
export const updateIntegrationSchema = z
  .object({
    name,
    isActive: z.boolean().optional(),
    syncEnabled: z.boolean().optional(),
    baseUrl: httpUrl.optional(),
    username: z.string().trim().min(1).max(120).optional(),
    appPassword: z.string().trim().max(200).optional(),
    shopDomain: z.string().trim().min(3).max(200).optional(),
    accessToken: z.string().trim().max(300).optional(),
    blogId: z.string().trim().regex(/^\d*$/, "Use the numeric blog id.").max(30).optional(),
    endpoint: httpUrl.optional(),
    apiKey: z.string().trim().max(300).optional(),
  })
  .strict();
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;

export const listIntegrationsQuerySchema = listQuerySchema.extend({ siteId: idSchema.optional(), platform: z.enum(PLATFORMS).optional() });
export type ListIntegrationsQuery = z.infer<typeof listIntegrationsQuerySchema>;

export const listRemoteItemsQuerySchema = listQuerySchema.extend({ kind: z.enum(["post", "page", "article", "category", "tag", "post_type"]).optional() });
export type ListRemoteItemsQuery = z.infer<typeof listRemoteItemsQuerySchema>;

// --- WordPress bridge (the plugin on the WordPress site, authenticated by the site's API key) ----

export const bridgeHandshakeSchema = z
  .object({ siteUrl: httpUrl.optional(), wpVersion: z.string().trim().max(40).optional(), pluginVersion: z.string().trim().max(40).optional() })
  .strict();
export type BridgeHandshakeInput = z.infer<typeof bridgeHandshakeSchema>;

const term = z.object({ id: z.union([z.number().int().nonnegative(), z.string().trim().regex(/^\d+$/)]), name: z.string().trim().min(1).max(200), slug: z.string().trim().max(200).default(""), parent: z.union([z.number(), z.string()]).optional(), count: z.number().int().nonnegative().optional() });
export const bridgeStructureSchema = z
  .object({
    postTypes: z.array(z.object({ slug: z.string().trim().min(1).max(60), name: z.string().trim().max(120).default(""), restBase: z.string().trim().max(60).optional() })).max(200).default([]),
    taxonomies: z.array(z.object({ taxonomy: z.string().trim().min(1).max(60), terms: z.array(term).max(5000) })).max(50).default([]),
  })
  .strict();
export type BridgeStructureInput = z.infer<typeof bridgeStructureSchema>;

export const bridgeResultSchema = z
  .object({
    contentId: idSchema,
    status: z.enum(["published", "failed"]).default("published"),
    postId: z.union([z.number().int().positive(), z.string().trim().regex(/^\d+$/)]).optional(),
    url: httpUrl.optional(),
    modifiedGmt: z.iso.datetime({ offset: true, local: true }).optional(),
    error: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.status === "failed" || (v.postId !== undefined && v.url), { message: "post_id and url are required for a published result.", path: ["postId"] });
export type BridgeResultInput = z.infer<typeof bridgeResultSchema>;

export const bridgeChangesSchema = z
  .object({
    posts: z
      .array(
        z.object({
          postId: z.union([z.number().int().positive(), z.string().trim().regex(/^\d+$/)]),
          type: z.enum(["post", "page"]).default("post"),
          status: z.string().trim().max(20).default("publish"),
          title: z.string().trim().max(500).default(""),
          slug: z.string().trim().max(200).default(""),
          url: z.string().trim().max(500).default(""),
          modifiedGmt: z.iso.datetime({ offset: true, local: true }),
          deleted: z.boolean().optional(),
        }),
      )
      .min(1, "Send at least one post.")
      .max(500),
  })
  .strict();
export type BridgeChangesInput = z.infer<typeof bridgeChangesSchema>;

export const bridgeContentQuerySchema = listQuerySchema.pick({ page: true, pageSize: true });

export const WEBHOOK_EVENTS = ["content.published", "content.unpublished", "test"] as const;
export const listDeliveriesQuerySchema = listQuerySchema.pick({ page: true, pageSize: true }).extend({
  event: z.enum(WEBHOOK_EVENTS, { error: "event must be content.published, content.unpublished or test." }).optional(),
  contentId: idSchema.optional(),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

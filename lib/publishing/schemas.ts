import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";
import { SLUG_PATTERN } from "@/lib/utils/slug";

export const DESTINATION_KEY = /^(hosted|integration:\d{1,10})$/;
const destinationKey = z.string().trim().regex(DESTINATION_KEY, 'Use "hosted" or "integration:<id>".');
const names = z.array(z.string().trim().min(1).max(100)).max(30);
const futureDate = z.coerce.date({ error: "Use an ISO 8601 date and time." });

export const publishSchema = z
  .object({
    contentId: idSchema,
    destinations: z.array(destinationKey).max(20).optional(),
    status: z.enum(["publish", "draft"]).optional(),
    scheduledAt: futureDate.optional().nullable(),
    categories: names.optional(),
    tags: names.optional(),
    /** Re-publish over edits made on the destination since the last publish. */
    overwrite: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !v.scheduledAt || v.scheduledAt.getTime() > Date.now() + 30_000, { message: "Choose a time in the future.", path: ["scheduledAt"] })
  .refine((v) => !v.destinations || v.destinations.length > 0, { message: "Choose at least one destination.", path: ["destinations"] });
export type PublishRequest = z.infer<typeof publishSchema>;

export const publishToWordPressSchema = z
  .object({ integrationId: idSchema.optional(), status: z.enum(["publish", "draft"]).optional(), scheduledAt: futureDate.optional().nullable(), overwrite: z.boolean().optional() })
  .strict();

export const unpublishSchema = z.object({ contentId: idSchema, destinations: z.array(destinationKey).max(20).optional(), delete: z.boolean().optional() }).strict();
export type UnpublishRequest = z.infer<typeof unpublishSchema>;

export const RECORD_STATUSES = ["pending", "scheduled", "publishing", "published", "failed", "unpublished", "cancelled"] as const;

/** PATCH of a publishing record: reschedule (`scheduled_at`) or cancel (`status: "cancelled"`) a scheduled publish, nothing else. */
export const updateRecordSchema = z
  .object({
    scheduledAt: futureDate.optional(),
    status: z.literal("cancelled", { error: 'Only "cancelled" can be set; publish or unpublish the article for anything else.' }).optional(),
  })
  .strict()
  .refine((v) => (v.scheduledAt ? 1 : 0) + (v.status ? 1 : 0) === 1, { message: "Send either scheduled_at (reschedule) or status: \"cancelled\" (cancel).", path: ["scheduledAt"] })
  .refine((v) => !v.scheduledAt || v.scheduledAt.getTime() > Date.now() + 30_000, { message: "Choose a time in the future.", path: ["scheduledAt"] });
export type UpdateRecordInput = z.infer<typeof updateRecordSchema>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
/** The same change from the app: the record's id, and the user's time zone to say the new time in. */
export const updateRecordActionSchema = updateRecordSchema.safeExtend({
  id: idSchema,
  timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone.").default("UTC"),
});
export const listRecordsQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  contentId: idSchema.optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  destination: z.enum(["hosted", "wordpress", "shopify", "custom", "bridge"]).optional(),
});
export type ListRecordsQuery = z.infer<typeof listRecordsQuerySchema>;

export const siteIdBodySchema = z.object({ siteId: idSchema }).strict();
export const siteIdQuerySchema = z.object({ siteId: idSchema });
export const listDeploymentsQuerySchema = listQuerySchema.extend({ siteId: idSchema.optional() });

export const publishingSettingsSchema = z
  .object({
    defaultDestinations: z.array(destinationKey).max(20).optional(),
    defaultStatus: z.enum(["publish", "draft"]).optional(),
    categoryMapping: z.record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(100)).optional(),
    defaultCategory: z.string().trim().max(100).optional(),
    autoPublishOn: z.enum(["none", "review", "published"]).optional(),
  })
  .strict();
export type PublishingSettingsInput = z.infer<typeof publishingSettingsSchema>;

export const PAGE_TEMPLATES = ["default", "wide", "landing"] as const;
const pageSlug = z.string().trim().toLowerCase().min(1, "A slug is required.").max(80).regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens.");
export const createPageSchema = z
  .object({
    siteId: idSchema,
    title: z.string().trim().min(1, "A title is required.").max(200),
    slug: pageSlug.optional(),
    html: z.string().max(500_000).optional(),
    template: z.enum(PAGE_TEMPLATES).optional(),
    metaDescription: z.string().trim().max(300).optional(),
    isPublished: z.boolean().optional(),
    showInNav: z.boolean().optional(),
  })
  .strict();
export type CreatePageInput = z.infer<typeof createPageSchema>;
export const updatePageSchema = createPageSchema.omit({ siteId: true }).partial().strict();
export type UpdatePageInput = z.infer<typeof updatePageSchema>;
export const reorderPagesSchema = z.object({ siteId: idSchema, ids: z.array(idSchema).min(1).max(500) }).strict();

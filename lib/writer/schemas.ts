import { z } from "zod";
import { cursorSchema, idSchema, idsSchema, listQuerySchema, withAliases } from "@/lib/http/validation";
import { SLUG_PATTERN } from "@/lib/utils/slug";
import { CONTENT_STATUSES, IMAGE_STATUSES, IMAGE_TYPES, TASK_STATUSES } from "./constants";

const code = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Use up to 40 lowercase letters, digits, - or _.");

/** Comma-separated keywords, trimmed and de-duplicated (case-insensitively), as the reference stores them. */
export const keywordList = z
  .string()
  .max(2000, "Keep keywords under 2,000 characters.")
  .transform((value) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of value.split(",")) {
      const keyword = raw.trim().replace(/\s+/g, " ");
      if (keyword && !seen.has(keyword.toLowerCase())) {
        seen.add(keyword.toLowerCase());
        out.push(keyword);
      }
    }
    return out.join(", ");
  });

/** A query parameter that may repeat or hold comma-separated values. */
function listParam<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : Array.isArray(value) ? value : String(value).split(",").map((v) => v.trim()).filter(Boolean)),
    z.array(z.enum(values)).max(values.length).optional(),
  );
}

const nullableId = idSchema.nullable().optional();

const taskFields = {
  title: z.string().trim().min(1, "A title is required.").max(300, "Keep the title under 300 characters."),
  description: z.string().trim().max(5000).optional(),
  clusterId: nullableId,
  keywords: keywordList.optional(),
  contentType: code.optional(),
  contentStructure: code.optional(),
  targetWordCount: z.coerce.number().int("Whole words only.").min(100, "At least 100 words.").max(20_000, "At most 20,000 words.").optional(),
  authorProfileId: nullableId,
  strategyId: nullableId,
  status: z.enum(TASK_STATUSES).optional(),
};

export const createTaskSchema = z.object({ siteId: idSchema, sectorId: idSchema, ideaId: nullableId, ...taskFields }).strict();
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z.object(taskFields).partial().strict();
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

const placementQuery = { siteId: idSchema.optional(), sectorId: idSchema.optional() };

export const listTasksQuerySchema = listQuerySchema.extend({
  ...placementQuery,
  status: listParam(TASK_STATUSES),
  clusterId: idSchema.optional(),
  contentType: code.optional(),
  contentStructure: code.optional(),
  cursor: cursorSchema,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

export const bulkUpdateTasksSchema = idsSchema.extend({ status: z.enum(TASK_STATUSES, { error: "Choose queued, in_progress, completed or failed." }) });
export const queueIdeasSchema = idsSchema.extend({ ids: idsSchema.shape.ids.max(500, "Queue at most 500 ideas at once.") });

const slugField = z.union([z.literal(""), z.string().trim().toLowerCase().max(120, "Keep the slug under 120 characters.").regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens.")]);

const contentFields = {
  title: z.string().trim().min(1, "A title is required.").max(300, "Keep the title under 300 characters."),
  html: z.string().max(2_000_000, "The article is too long (2 MB of HTML at most)."),
  metaTitle: z.string().trim().max(300),
  metaDescription: z.string().trim().max(1000),
  primaryKeyword: z.string().trim().max(200),
  secondaryKeywords: z.array(z.string().trim().min(1).max(200)).max(50, "At most 50 secondary keywords."),
  slug: slugField,
  status: z.enum(CONTENT_STATUSES),
};

export const createContentSchema = z
  .object({ siteId: idSchema.optional(), sectorId: idSchema.optional(), taskId: idSchema.optional(), ...contentFields, title: contentFields.title.optional() })
  .partial({ html: true, metaTitle: true, metaDescription: true, primaryKeyword: true, secondaryKeywords: true, slug: true, status: true })
  .strict()
  .refine((v) => v.taskId || (v.siteId && v.sectorId), { message: "Give a task_id, or a site_id and sector_id.", path: ["siteId"] })
  .refine((v) => v.taskId || v.title, { message: "A title is required.", path: ["title"] });
export type CreateContentInput = z.infer<typeof createContentSchema>;

/** Every save names the version it edited (optimistic concurrency). */
export const updateContentSchema = z
  .object({
    version: z.number({ error: "version is required: send the version you edited." }).int().min(1),
    title: contentFields.title.optional(),
    html: contentFields.html.optional(),
    metaTitle: contentFields.metaTitle.optional(),
    metaDescription: contentFields.metaDescription.optional(),
    primaryKeyword: contentFields.primaryKeyword.optional(),
    secondaryKeywords: contentFields.secondaryKeywords.optional(),
    slug: contentFields.slug.optional(),
    status: contentFields.status.optional(),
  })
  .strict();
export type UpdateContentInput = z.infer<typeof updateContentSchema>;

export const listContentQuerySchema = listQuerySchema.extend({
  ...placementQuery,
  status: listParam(CONTENT_STATUSES),
  clusterId: idSchema.optional(),
  taskId: idSchema.optional(),
  cursor: cursorSchema,
});
export type ListContentQuery = z.infer<typeof listContentQuerySchema>;

export const bulkUpdateContentSchema = idsSchema.extend({ status: z.enum(CONTENT_STATUSES, { error: "Choose draft, review or published." }) });

const imageFields = {
  type: z.enum(IMAGE_TYPES, { error: "Choose featured, in_article, desktop or mobile." }),
  prompt: z.string().trim().max(4000),
  altText: z.string().trim().max(300, "Keep alt text under 300 characters."),
  caption: z.string().trim().max(500),
  position: z.coerce.number().int().min(0).max(100),
};

export const createImageSchema = z
  .object({ siteId: idSchema.optional(), sectorId: idSchema.optional(), taskId: idSchema.optional(), contentId: idSchema.optional(), ...imageFields })
  .partial({ type: true, prompt: true, altText: true, caption: true, position: true })
  .strict()
  .refine((v) => v.taskId || v.contentId || (v.siteId && v.sectorId), { message: "Give a content_id, a task_id, or a site_id and sector_id.", path: ["contentId"] });
export type CreateImageInput = z.infer<typeof createImageSchema>;

/** Multipart upload fields (the file itself is read separately). */
export const uploadImageSchema = z
  .object({
    siteId: idSchema.optional(),
    sectorId: idSchema.optional(),
    taskId: idSchema.optional(),
    contentId: idSchema.optional(),
    type: imageFields.type.default("in_article"),
    altText: imageFields.altText.default(""),
    caption: imageFields.caption.default(""),
  })
  .refine((v) => v.taskId || v.contentId || (v.siteId && v.sectorId), { message: "Give a content_id, a task_id, or a site_id and sector_id.", path: ["contentId"] });
export type UploadImageInput = z.infer<typeof uploadImageSchema>;

export const updateImageSchema = z.object({ ...imageFields, contentId: idSchema.nullable(), status: z.enum(IMAGE_STATUSES) }).partial().strict();
export type UpdateImageInput = z.infer<typeof updateImageSchema>;

export const listImagesQuerySchema = listQuerySchema.extend({
  ...placementQuery,
  contentId: idSchema.optional(),
  taskId: idSchema.optional(),
  type: listParam(IMAGE_TYPES),
  status: listParam(IMAGE_STATUSES),
});
export type ListImagesQuery = z.infer<typeof listImagesQuerySchema>;

export const setFeaturedImageSchema = z.object({ contentId: idSchema, imageId: idSchema });

// REST bodies: the reference's names are accepted beside ours (`html_content` for `html`,
// `image_type` for `type`), and an update without `version` applies as it is (last write wins).
export const createContentRequestSchema = withAliases(createContentSchema, { htmlContent: "html" });
export const updateContentRequestSchema = withAliases(updateContentSchema.extend({ version: updateContentSchema.shape.version.optional() }), { htmlContent: "html" });
export type UpdateContentRequest = z.infer<typeof updateContentRequestSchema>;
export const createImageRequestSchema = withAliases(createImageSchema, { imageType: "type" });
export const updateImageRequestSchema = withAliases(updateImageSchema, { imageType: "type" });

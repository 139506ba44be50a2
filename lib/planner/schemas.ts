import { z } from "zod";
import { cursorSchema, idSchema, listQuerySchema, withAliases } from "@/lib/http/validation";
import { KEYWORD_INTENTS } from "@/lib/reference/intents";

export const KEYWORD_STATUSES = ["pending", "active", "archived"] as const;
export const CLUSTER_STATUSES = ["active", "archived"] as const;
export const CLUSTER_REVIEWS = ["needs_check", "checked"] as const;
export const IDEA_STATUSES = ["new", "queued", "completed", "archived"] as const;
export const CONTENT_TYPES = ["post", "page", "product", "service", "category"] as const;
export const CONTENT_STRUCTURES = ["article", "how_to", "listicle", "guide", "comparison", "review", "faq", "case_study"] as const;

const placement = { siteId: idSchema, sectorId: idSchema };
const optionalInt = (max: number) => z.coerce.number().int("Must be a whole number.").min(0).max(max).nullable().optional();
const rangeNumber = z.coerce.number().int().min(0).max(1_000_000_000).optional();

export const keywordFieldsSchema = z.object({
  keyword: z.string().trim().min(1, "Keyword is required.").max(255, "Use at most 255 characters."),
  volume: optionalInt(1_000_000_000),
  difficulty: z.coerce.number().int().min(0, "Difficulty is 0–100.").max(100, "Difficulty is 0–100.").nullable().optional(),
  intent: z.enum(KEYWORD_INTENTS).nullable().optional(),
  cpc: z.coerce.number().min(0).max(100_000).nullable().optional(),
  status: z.enum(KEYWORD_STATUSES).optional(),
});

export const createKeywordSchema = keywordFieldsSchema.extend(placement).strict();
export type CreateKeywordInput = z.infer<typeof createKeywordSchema>;

export const updateKeywordSchema = keywordFieldsSchema.partial().strict();
export type UpdateKeywordInput = z.infer<typeof updateKeywordSchema>;

/** "Add many": one keyword per line, optionally `keyword, volume, difficulty`. */
export const addKeywordLinesSchema = z.object({ ...placement, text: z.string().min(1, "Paste at least one keyword.").max(2_000_000, "Paste at most about 2 MB at once; import a CSV for more.") });
export type AddKeywordLinesInput = z.infer<typeof addKeywordLinesSchema>;

export const addSeedKeywordsSchema = z.object({ ...placement, seedKeywordIds: z.array(idSchema).max(1000).optional() });

export const keywordListQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  sectorId: idSchema.optional(),
  status: z.enum(KEYWORD_STATUSES).optional(),
  intent: z.enum(KEYWORD_INTENTS).optional(),
  /** A cluster id, or "none" for keywords in no cluster. */
  clusterId: z.union([z.literal("none"), idSchema]).optional(),
  difficultyMin: rangeNumber,
  difficultyMax: rangeNumber,
  volumeMin: rangeNumber,
  volumeMax: rangeNumber,
  cursor: cursorSchema,
});
export type KeywordListQuery = z.infer<typeof keywordListQuerySchema>;

export const bulkStatusSchema = z.object({ ids: z.array(idSchema).min(1).max(10_000), status: z.enum(KEYWORD_STATUSES) });
export const bulkAssignSchema = z.object({ ids: z.array(idSchema).min(1).max(10_000), clusterId: idSchema });

export const clusterFieldsSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(200),
  description: z.string().trim().max(2000).optional(),
  status: z.enum(CLUSTER_STATUSES).optional(),
});
export const createClusterSchema = clusterFieldsSchema.extend({ ...placement, keywordIds: z.array(idSchema).max(10_000).optional() }).strict();
export type CreateClusterInput = z.infer<typeof createClusterSchema>;
export const updateClusterSchema = clusterFieldsSchema
  .partial()
  .extend({ checked: z.boolean().optional().describe("true: a person read the cluster and keeps it (its “check” badge goes, and Rebuild keeps it); false: check it again.") })
  .strict();
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

export const mergeClustersSchema = z
  .object({ sourceId: idSchema, targetId: idSchema })
  .refine((v) => v.sourceId !== v.targetId, { message: "Choose two different clusters.", path: ["targetId"] });
export const checkClustersSchema = z.object({ ids: z.array(idSchema).min(1).max(10_000), checked: z.boolean() });
export const moveKeywordsSchema = z.object({ keywordIds: z.array(idSchema).min(1).max(10_000), fromClusterId: idSchema.nullable().optional(), toClusterId: idSchema });

export const clusterListQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  sectorId: idSchema.optional(),
  status: z.enum(CLUSTER_STATUSES).optional(),
  review: z.enum(CLUSTER_REVIEWS).optional().describe("needs_check: local clusters under 70 % confidence that nobody has checked yet; checked: the clusters a person checked."),
  cursor: cursorSchema,
});
export type ClusterListQuery = z.infer<typeof clusterListQuerySchema>;

export const ideaFieldsSchema = z.object({
  title: z.string().trim().min(1, "Title is required.").max(300),
  description: z.string().trim().max(5000).optional(),
  contentType: z.enum(CONTENT_TYPES).optional(),
  contentStructure: z.enum(CONTENT_STRUCTURES).optional(),
  targetKeywords: z.string().trim().max(2000).optional(),
  clusterId: idSchema.nullable().optional(),
  estimatedWordCount: z.coerce.number().int().min(100, "At least 100 words.").max(20_000, "At most 20,000 words.").optional(),
  status: z.enum(IDEA_STATUSES).optional(),
});
export const createIdeaSchema = ideaFieldsSchema.extend(placement).strict();
export type CreateIdeaInput = z.infer<typeof createIdeaSchema>;
export const updateIdeaSchema = ideaFieldsSchema.partial().strict();
export type UpdateIdeaInput = z.infer<typeof updateIdeaSchema>;

export const ideaListQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  sectorId: idSchema.optional(),
  status: z.enum(IDEA_STATUSES).optional(),
  clusterId: idSchema.optional(),
  cursor: cursorSchema,
});
export type IdeaListQuery = z.infer<typeof ideaListQuerySchema>;

export const localClusteringSchema = z.object({
  ...placement,
  threshold: z.coerce.number().min(0.1, "Use a threshold between 0.1 and 0.95.").max(0.95, "Use a threshold between 0.1 and 0.95.").default(0.5),
  /** "unclustered": only keywords in no cluster; "rebuild": replace earlier local clusters. */
  mode: z.enum(["unclustered", "rebuild"]).default("unclustered"),
  minClusterSize: z.coerce.number().int().min(2).max(50).default(2),
});
export type LocalClusteringInput = z.infer<typeof localClusteringSchema>;

// REST bodies also take the reference's names: `idea_title` for `title`, `keyword_cluster_id` for `cluster_id`.
export const createIdeaRequestSchema = withAliases(createIdeaSchema, { ideaTitle: "title", keywordClusterId: "clusterId" });
export const updateIdeaRequestSchema = withAliases(updateIdeaSchema, { ideaTitle: "title", keywordClusterId: "clusterId" });

import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";
import { SLUG_PATTERN } from "@/lib/utils/slug";

export const PAGE_TYPES = ["home", "pillar", "supporting", "about", "contact", "services", "blog", "post", "custom"] as const;
export type PageType = (typeof PAGE_TYPES)[number];
export const SECTION_TYPES = ["hero", "intro", "features", "benefits", "services", "testimonials", "faq", "cta", "content", "contact", "team", "stats"] as const;
export const TAXONOMY_KINDS = ["category", "tag"] as const;
export const BLUEPRINT_STATUSES = ["draft", "generating", "ready", "deployed"] as const;

const placement = { siteId: idSchema, sectorId: idSchema };
const option = z.string().trim().max(60).optional();
const slug = z.string().trim().toLowerCase().max(60).regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens.");

export const blueprintFieldsSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(200),
  description: z.string().trim().max(2000).optional(),
  businessType: option,
  audience: option,
  brandPersonality: option,
  heroImagery: option,
});
export const createBlueprintSchema = blueprintFieldsSchema.extend({ ...placement, clusterIds: z.array(idSchema).max(200).optional() }).strict();
export type CreateBlueprintInput = z.infer<typeof createBlueprintSchema>;
export const updateBlueprintSchema = blueprintFieldsSchema.partial().strict();
export type UpdateBlueprintInput = z.infer<typeof updateBlueprintSchema>;

export const blueprintListQuerySchema = listQuerySchema.extend({ siteId: idSchema.optional(), sectorId: idSchema.optional(), status: z.enum(BLUEPRINT_STATUSES).optional() });
export type BlueprintListQuery = z.infer<typeof blueprintListQuerySchema>;

export const clusterIdsSchema = z.object({ clusterIds: z.array(idSchema).min(1, "Choose at least one cluster.").max(200) }).strict();

export const sectionSchema = z.object({
  type: z.enum(SECTION_TYPES),
  heading: z.string().trim().max(200).default(""),
  brief: z.string().trim().max(2000).default(""),
  content: z.string().max(100_000).default(""),
});
export type Section = z.infer<typeof sectionSchema>;

export const pageFieldsSchema = z.object({
  type: z.enum(PAGE_TYPES),
  title: z.string().trim().min(1, "Title is required.").max(200),
  slug: slug.optional(),
  purpose: z.string().trim().max(2000).optional(),
  keywords: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  sections: z.array(sectionSchema).max(30).optional(),
  parentId: idSchema.nullable().optional(),
  sortOrder: z.coerce.number().int().min(0).max(10_000).optional(),
  showInNav: z.boolean().optional(),
  clusterId: idSchema.nullable().optional(),
});
export const createPageSchema = pageFieldsSchema.extend({ blueprintId: idSchema }).strict();
export type CreatePageInput = z.infer<typeof createPageSchema>;
export const updatePageSchema = pageFieldsSchema.partial().strict();
export type UpdatePageInput = z.infer<typeof updatePageSchema>;
export const pageListQuerySchema = listQuerySchema.extend({ blueprintId: idSchema.optional(), siteId: idSchema.optional(), sectorId: idSchema.optional(), type: z.enum(PAGE_TYPES).optional() });
export type PageListQuery = z.infer<typeof pageListQuerySchema>;

export const createTaxonomySchema = z.object({ kind: z.enum(TAXONOMY_KINDS), name: z.string().trim().min(1, "Name is required.").max(200), slug: slug.optional(), description: z.string().trim().max(1000).optional() }).strict();
export type CreateTaxonomyInput = z.infer<typeof createTaxonomySchema>;
export const importTaxonomiesSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("wordpress"), integrationId: idSchema }).strict(),
  z.object({ source: z.literal("csv"), csv: z.string().min(1, "Paste or upload a CSV.").max(1_000_000) }).strict(),
]);
export type ImportTaxonomiesInput = z.infer<typeof importTaxonomiesSchema>;

/** The AI's (and the editor's) whole structure: a flat list of nodes with parent references by slug. */
export const structureNodeSchema = z.object({
  type: z.enum(PAGE_TYPES),
  title: z.string().trim().min(1).max(200),
  slug: slug,
  parentSlug: z.string().trim().max(60).nullable(),
  purpose: z.string().trim().max(2000),
  keywords: z.array(z.string().trim().max(200)).max(50),
  sections: z.array(z.object({ type: z.enum(SECTION_TYPES), heading: z.string().trim().max(200), brief: z.string().trim().max(2000) })).max(30),
  clusterName: z.string().trim().max(200).nullable(),
});
export const structureSchema = z.object({
  pages: z.array(structureNodeSchema).min(1).max(200),
  taxonomies: z.array(z.object({ kind: z.enum(TAXONOMY_KINDS), name: z.string().trim().min(1).max(200) })).max(200),
});
export type Structure = z.infer<typeof structureSchema>;

export const pageIdsSchema = z.object({ pageIds: z.array(idSchema).min(1).max(500).optional() }).strict();
export const deployBlueprintSchema = z.object({ blueprintId: idSchema }).strict();

export const assetListQuerySchema = listQuerySchema.extend({ siteId: idSchema });
export const deleteAssetSchema = z.object({ siteId: idSchema.optional(), ids: z.array(idSchema).min(1).max(500) }).strict();
export const ASSET_ROLES = ["logo", "image"] as const;

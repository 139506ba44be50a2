// REST response schemas of the Site Builder (the API description and contract tests read them).
import { z } from "zod";
import { PageBlueprintModel, SiteAssetModel, SiteBlueprintModel, SiteBlueprintTaxonomyModel } from "@/lib/generated/model-schemas";
import { sectionSchema } from "./schemas";

export const pageResponse = PageBlueprintModel.omit({ accountId: true }).extend({ sections: z.array(sectionSchema) });

export const blueprintResponse = SiteBlueprintModel.omit({ accountId: true, deployedSnapshot: true }).extend({
  pagesCount: z.number().int(),
  taxonomiesCount: z.number().int(),
  clusters: z.array(z.object({ id: z.number().int(), name: z.string(), keywordsCount: z.number().int(), volume: z.number().int(), role: z.string() })),
});
export const blueprintDetailResponse = blueprintResponse.extend({ pages: z.array(pageResponse).describe("The page tree in order: parents before their children") });

export const taxonomyResponse = SiteBlueprintTaxonomyModel.omit({ accountId: true });
export const taxonomyImportResponse = z.object({ imported: z.number().int(), skipped: z.number().int(), taxonomies: z.array(taxonomyResponse) });

const option = z.object({ id: z.number().int(), name: z.string(), slug: z.string(), description: z.string() });
export const metadataResponse = z.object({
  businessTypes: z.array(option),
  audienceProfiles: z.array(option),
  brandPersonalities: z.array(option),
  heroImageryDirections: z.array(option),
  pageTypes: z.array(z.string()),
  sectionTypes: z.array(z.string()),
});

const counts = z.object({ planned: z.number().int(), written: z.number().int(), reviewed: z.number().int(), published: z.number().int() });
export const progressResponse = z.object({
  blueprintId: z.number().int(),
  status: z.string(),
  pages: counts.describe("Pages of the blueprint (not posts): planned, with generated copy, deployed"),
  posts: counts.describe("Posts of the blueprint: planned, with an article, in review or published, published"),
  clusters: z.array(z.object({ clusterId: z.number().int(), name: z.string(), pages: counts, posts: counts, percent: z.number() })),
  unassigned: z.object({ pages: counts, posts: counts }),
});

export const createTasksResponse = z.object({ created: z.number().int(), existing: z.number().int(), taskIds: z.array(z.number().int()) });

export const assetResponse = SiteAssetModel.omit({ accountId: true, storageKey: true }).extend({ url: z.string() });

export const blueprintDeployResponse = z.object({
  deployment: z.object({ id: z.number().int(), version: z.number().int(), status: z.string(), pages: z.number().int(), posts: z.number().int(), error: z.string().nullable(), deployedAt: z.date().nullable() }),
  changes: z.object({ added: z.array(z.string()), updated: z.array(z.string()), removed: z.array(z.string()), unchanged: z.number().int() }),
});

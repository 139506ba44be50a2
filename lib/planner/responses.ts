// REST response schemas of the planner (the API description and contract tests read them).
import { z } from "zod";
import { ClusterModel, ContentIdeaModel } from "@/lib/generated/model-schemas";

const named = z.object({ id: z.number().int(), name: z.string() });

export const keywordResponse = z.object({
  id: z.number().int(),
  keyword: z.string(),
  volume: z.number().int().nullable(),
  difficulty: z.number().int().nullable(),
  intent: z.string().nullable(),
  cpc: z.number().nullable(),
  status: z.string(),
  source: z.string(),
  siteId: z.number().int(),
  sectorId: z.number().int(),
  clusters: z.array(named),
  createdAt: z.date(),
});

export const clusterResponse = ClusterModel.omit({ accountId: true }).extend({ ideasCount: z.number().int() });

/** The reference's ContentIdeas: `idea_title` (our `title` is returned too) and `keyword_cluster_id`. */
export const ideaResponse = ContentIdeaModel.omit({ accountId: true }).extend({
  ideaTitle: z.string().describe("The reference's name of `title`."),
  keywordClusterId: z.number().int().nullable().describe("The reference's name of `cluster_id`."),
  cluster: named.nullable(),
});

export const countsResponse = <K extends string>(...keys: K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);

export const lineImportResponse = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() })),
});

export const csvImportResponse = z
  .object({
    format: z.unknown().describe("The detected CSV layout (columns, delimiter), null when none"),
    rows: z.number().int(),
    imported: z.number().int(),
    duplicatesInFile: z.number().int(),
    duplicatesInSector: z.number().int(),
    invalid: z.number().int(),
    details: z.array(z.object({ line: z.number().int(), keyword: z.string(), outcome: z.enum(["invalid", "duplicate_in_file", "duplicate_in_sector"]), reason: z.string() })),
    detailsTruncated: z.boolean(),
  })
  .describe("The import's report (with `Accept: application/x-ndjson`, progress events stream first).");

export function ideaResource<T extends { title: string; clusterId: number | null }>(idea: T) {
  return { ...idea, ideaTitle: idea.title, keywordClusterId: idea.clusterId };
}

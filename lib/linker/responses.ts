// REST response schemas of the linker and the optimizer (the API description and contract tests read them).
import { z } from "zod";
import { ContentLinkModel, ContentOptimizationModel } from "@/lib/generated/model-schemas";
import { contentResponse } from "@/lib/writer/responses";

const id = z.number().int();
const suggestion = { anchorText: z.string(), occurrence: z.number().int(), score: z.number(), reason: z.string(), context: z.string() };

export const contentLinkResponse = ContentLinkModel.omit({ accountId: true, updatedAt: true, createdById: true, removedById: true }).extend({
  sourceTitle: z.string().nullable(),
  targetTitle: z.string().nullable(),
  present: z.boolean().describe("Still in the source article's HTML"),
});

export const processLinksResponse = z.object({
  content: z.object({ id, title: z.string(), version: z.number().int(), siteId: id, url: z.string().nullable() }),
  suggestions: z.array(z.object({ targetId: id, targetTitle: z.string(), targetUrl: z.string(), targetStatus: z.string(), ...suggestion })),
  incoming: z.array(z.object({ sourceId: id, sourceTitle: z.string(), sourceStatus: z.string(), sourceVersion: z.number().int(), ...suggestion })).nullable(),
  links: z.array(contentLinkResponse),
  caps: z.object({ perArticle: z.number().int(), perTarget: z.number().int(), used: z.number().int() }),
});

export const applyLinksResponse = z.object({
  content: contentResponse,
  applied: z.array(contentLinkResponse),
  skipped: z.array(z.object({ anchorText: z.string(), targetId: id.optional(), sourceId: id.optional(), reason: z.string() })),
  sources: z.array(z.object({ contentId: id, title: z.string(), applied: z.number().int(), conflict: z.boolean() })),
});

export const undoLinksResponse = z.object({ removed: z.number().int(), contents: z.array(z.object({ id, version: z.number().int() })), content: contentResponse.nullable() });

const check = z.object({
  id: z.string(),
  label: z.string(),
  category: z.enum(["keyword", "structure", "content", "links", "media", "meta", "readability"]),
  score: z.number(),
  maxScore: z.number(),
  status: z.enum(["good", "ok", "bad"]),
  message: z.string(),
  suggestion: z.string().optional(),
});

export const analysisResponse = z.object({
  score: z.number().int(),
  checks: z.array(check),
  stats: z.record(z.string(), z.number()).describe("word_count, headings, paragraphs, links, images, keyword density, reading ease…"),
  contentId: id.nullable(),
  version: z.number().int().nullable(),
});

export const optimizationResponse = ContentOptimizationModel.omit({ accountId: true, edits: true, updatedAt: true }).extend({
  edits: z.array(
    z.object({ id: z.string(), kind: z.string(), index: z.number().int(), before: z.string(), after: z.string(), reason: z.string(), scoreDelta: z.number(), improves: z.array(z.string()) }),
  ),
});

export const applyOptimizationResponse = z.object({
  content: contentResponse,
  optimization: optimizationResponse,
  applied: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  scoreBefore: z.number().int(),
  scoreAfter: z.number().int(),
});

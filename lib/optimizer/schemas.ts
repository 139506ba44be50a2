import { z } from "zod";
import { idSchema } from "@/lib/http/validation";
import { OPTIMIZABLE_CHECKS } from "./edits";

/** The checks an AI edit can fix (title, meta, first paragraph, subheadings, slug). */
const checks = z.array(z.enum(OPTIMIZABLE_CHECKS, { error: `The AI can fix these checks: ${OPTIMIZABLE_CHECKS.join(", ")}.` })).min(1).max(OPTIMIZABLE_CHECKS.length).optional();

/** analyze: a stored article, or raw fields (nothing is stored). */
export const analyzeSchema = z.union([
  z.object({ contentId: idSchema }).strict(),
  z
    .object({
      title: z.string().max(300).default(""),
      html: z.string().max(2_000_000, "At most 2 MB of HTML.").default(""),
      metaTitle: z.string().max(300).default(""),
      metaDescription: z.string().max(1000).default(""),
      slug: z.string().max(120).default(""),
      primaryKeyword: z.string().max(200).default(""),
      secondaryKeywords: z.array(z.string().max(200)).max(50).default([]),
      targetWordCount: z.number().int().min(100).max(20_000).optional(),
      siteHost: z.string().max(300).optional(),
    })
    .strict()
    .refine((v) => v.title || v.html, { message: "Give a content_id, or at least a title or html.", path: ["contentId"] }),
], { error: "Give a content_id, or the article's fields." });
export type AnalyzeRequest = z.infer<typeof analyzeSchema>;

/** Where an optimization was asked for (the reference's entry_point): recorded on it and on its usage. */
export const ENTRY_POINTS = ["editor", "batch", "automation"] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];
const entryPoint = z.enum(ENTRY_POINTS, { error: `Use one of: ${ENTRY_POINTS.join(", ")}.` }).optional();

export const optimizeSchema = z.object({ contentId: idSchema, checks, entryPoint }).strict();
export type OptimizeInput = z.infer<typeof optimizeSchema>;

export const applyOptimizationSchema = z
  .object({
    optimizationId: idSchema,
    editIds: z.array(z.string().trim().min(1).max(20), { error: "Send edit_ids as a list." }).min(1, "Accept at least one edit.").max(50),
    /** The article version the caller saw (the editor's); a stale one is a 409. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type ApplyOptimizationInput = z.infer<typeof applyOptimizationSchema>;

export const dismissOptimizationSchema = z.object({ optimizationId: idSchema }).strict();

export const batchOptimizeSchema = z
  .object({
    contentIds: z.array(idSchema, { error: "Send content_ids as a list." }).min(1, "Select at least one article.").max(500, "At most 500 articles at once."),
    checks,
    entryPoint,
  })
  .strict();
export type BatchOptimizeInput = z.infer<typeof batchOptimizeSchema>;

export const listOptimizationsQuerySchema = z.object({ contentId: idSchema, status: z.enum(["proposed", "applied", "dismissed"]).optional() });

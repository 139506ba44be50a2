import { z } from "zod";
import { idSchema } from "@/lib/http/validation";

/** Linker links per article (counting ones it added before) when the caller does not say. */
export const MAX_LINKS_LIMIT = 20;

const maxLinks = z.number({ error: "max_links must be a number." }).int().min(1, "At least 1 link.").max(MAX_LINKS_LIMIT, `At most ${MAX_LINKS_LIMIT} links per article.`);
const version = z.number({ error: "version must be a number." }).int().min(1);

export const processLinksSchema = z
  .object({
    contentId: idSchema,
    /** Also suggest links to this article from the site's other articles (retroactive). */
    includeIncoming: z.boolean().default(false),
    /** Drafts and articles in review may be link targets (and sources of incoming links) too. */
    includeDrafts: z.boolean().default(false),
    maxLinks: maxLinks.optional(),
  })
  .strict();
export type ProcessLinksInput = z.infer<typeof processLinksSchema>;

const anchor = {
  anchorText: z.string({ error: "anchor_text is required." }).trim().min(1, "The anchor text is empty.").max(200, "Keep anchor text under 200 characters."),
  occurrence: z.number({ error: "occurrence is required." }).int().min(0).max(100_000),
  score: z.number().min(0).max(1).optional(),
  reason: z.string().max(500).optional(),
};

export const applyLinksSchema = z
  .object({
    contentId: idSchema,
    /** The article version the caller saw (the editor's); a stale one is a 409. */
    version: version.optional(),
    /** Links from this article to other pages of its site. */
    links: z.array(z.object({ targetId: idSchema, ...anchor }).strict()).max(MAX_LINKS_LIMIT).default([]),
    /** Links to this article from other articles of its site (retroactive). */
    incoming: z.array(z.object({ sourceId: idSchema, version: version.optional(), ...anchor }).strict()).max(500).default([]),
    maxLinks: maxLinks.optional(),
    /** Incoming links to an article that is not published yet (at the address it will have). */
    includeDrafts: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.links.length + v.incoming.length > 0, { message: "Choose at least one link to apply.", path: ["links"] });
export type ApplyLinksInput = z.infer<typeof applyLinksSchema>;

export const undoLinksSchema = z
  .object({
    /** ContentLink ids (from process or apply). */
    ids: z.array(idSchema).min(1, "Select at least one link.").max(1000).optional(),
    /** Every link a batch run added. */
    runId: z.uuid({ error: "run_id must be a run's id." }).optional(),
    /** With links of one article only: the version the caller saw. */
    version: version.optional(),
  })
  .strict()
  .refine((v) => Boolean(v.ids) !== Boolean(v.runId), { message: "Give either ids or run_id.", path: ["ids"] });
export type UndoLinksInput = z.infer<typeof undoLinksSchema>;

export const batchLinksSchema = z
  .object({
    contentIds: z.array(idSchema, { error: "Send content_ids as a list." }).min(1, "Select at least one article.").max(1000, "At most 1,000 articles at once."),
    /** apply: insert the best suggestions up to the caps; suggest: only count them. */
    mode: z.enum(["apply", "suggest"], { error: "mode is apply or suggest." }).default("apply"),
    includeDrafts: z.boolean().default(false),
    maxLinks: maxLinks.optional(),
  })
  .strict();
export type BatchLinksInput = z.infer<typeof batchLinksSchema>;

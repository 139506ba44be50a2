import { z } from "zod";
import { CONTENT_STRUCTURES, CONTENT_TYPES } from "@/lib/writer/constants";

const destinationKey = z.string().trim().regex(/^(hosted|integration:\d{1,10})$/, 'Use "hosted" or "integration:<id>".');

export const contentTypeSettingSchema = z
  .object({
    type: z.enum(CONTENT_TYPES, { error: `Choose one of: ${CONTENT_TYPES.join(", ")}.` }),
    enabled: z.boolean(),
    isDefault: z.boolean().default(false),
    defaultStructure: z.enum(CONTENT_STRUCTURES, { error: `Choose one of: ${CONTENT_STRUCTURES.join(", ")}.` }),
    defaultWordCount: z.coerce.number().int("Whole words only.").min(100, "At least 100 words.").max(20_000, "At most 20,000 words."),
    destinations: z.array(destinationKey).max(20).default([]),
  })
  .strict();
export type ContentTypeSettingInput = z.infer<typeof contentTypeSettingSchema>;

/** The whole tab at once: every type the site knows, one of them the default (and enabled). */
export const saveContentTypesSchema = z
  .object({ types: z.array(contentTypeSettingSchema).min(1, "Send the content types.").max(CONTENT_TYPES.length) })
  .strict()
  .superRefine(({ types }, issue) => {
    const seen = new Set<string>();
    types.forEach((t, i) => {
      if (seen.has(t.type)) issue.addIssue({ code: "custom", path: ["types", i, "type"], message: `“${t.type}” appears twice.` });
      seen.add(t.type);
    });
    if (!types.some((t) => t.enabled)) issue.addIssue({ code: "custom", path: ["types"], message: "Enable at least one content type." });
    const defaults = types.filter((t) => t.isDefault);
    if (defaults.length !== 1) issue.addIssue({ code: "custom", path: ["types"], message: "Choose exactly one default content type." });
    else if (!defaults[0].enabled) issue.addIssue({ code: "custom", path: ["types"], message: "The default content type must be enabled." });
  });
export type SaveContentTypesInput = z.infer<typeof saveContentTypesSchema>;

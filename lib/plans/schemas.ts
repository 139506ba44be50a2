import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/utils/slug";
import { MAX_SECTORS_PER_SITE } from "./defaults";

const limit = (max = 100_000_000) => z.coerce.number().int("Whole numbers only.").min(0, "Cannot be negative.").max(max);

export const planFieldsSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(60),
  slug: z.string().trim().toLowerCase().min(2).max(40).regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens."),
  description: z.string().trim().max(500).default(""),
  price: z.coerce.number().min(0).max(100_000),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
  maxUsers: limit(100_000),
  maxSites: limit(100_000),
  maxSectorsPerSite: limit(MAX_SECTORS_PER_SITE),
  maxKeywords: limit(),
  maxClusters: limit(),
  maxContentIdeas: limit(),
  monthlyAiRequests: limit(),
  monthlyWords: limit(1_000_000_000),
  monthlyImages: limit(),
  includedCredits: limit(),
  stripePriceId: z.string().trim().max(120).nullable().optional(),
  features: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
});
export const createPlanSchema = planFieldsSchema.strict();
export type CreatePlanInput = z.infer<typeof createPlanSchema>;
export const updatePlanSchema = planFieldsSchema.partial().extend({ isActive: z.boolean().optional(), isDefault: z.boolean().optional() }).strict();
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

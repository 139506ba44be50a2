import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";
import { adjustCreditsSchema } from "@/lib/billing/schemas";
import { REFERENCE_KINDS } from "@/lib/reference/csv";

export const referenceKindSchema = z.enum(REFERENCE_KINDS, { error: "Unknown reference data kind." });
export const MAX_REFERENCE_CSV_BYTES = 5 * 1024 * 1024;

export const importReferenceSchema = z.object({
  kind: referenceKindSchema,
  file: z
    .instanceof(File, { error: "Choose a CSV file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= MAX_REFERENCE_CSV_BYTES, "The file is larger than 5 MB."),
});

export const ACCOUNT_STATUSES = ["active", "suspended", "trial", "cancelled"] as const;

export const adminAccountsQuerySchema = listQuerySchema.extend({
  status: z.enum(ACCOUNT_STATUSES).optional(),
  planId: idSchema.optional(),
});
export type AdminAccountsQuery = z.infer<typeof adminAccountsQuerySchema>;

export const setAccountStatusSchema = z.object({ id: idSchema, status: z.enum(ACCOUNT_STATUSES) });
export const assignPlanBodySchema = z.object({ planId: idSchema, grantCredits: z.boolean().default(false) });
export const assignPlanSchema = assignPlanBodySchema.extend({ id: idSchema });

export const adminUsersQuerySchema = listQuerySchema.extend({ role: z.enum(["developer", "owner", "admin", "editor", "viewer", "system_bot"]).optional() });
export type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

export const adjustAccountCreditsSchema = adjustCreditsSchema.extend({ id: idSchema });

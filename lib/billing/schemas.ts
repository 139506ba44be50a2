import { z } from "zod";
import { idSchema, listQuerySchema } from "@/lib/http/validation";

export const TRANSACTION_TYPES = ["purchase", "usage", "refund", "adjustment", "grant"] as const;
export const TRANSACTION_SORT_FIELDS = ["createdAt", "amount", "type"] as const;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a valid date.");

/** `type=usage,grant` (or repeated), as the table's URL and the REST query write it. */
const typeList = z.preprocess(
  (value) => (value === undefined || value === "" ? undefined : Array.isArray(value) ? value : String(value).split(",").map((v) => v.trim()).filter(Boolean)),
  z.array(z.enum(TRANSACTION_TYPES, { error: `Type must be one of ${TRANSACTION_TYPES.join(", ")}.` })).max(TRANSACTION_TYPES.length).optional(),
);

export const transactionsQuerySchema = listQuerySchema
  .extend({ type: typeList, dateFrom: isoDate.optional(), dateTo: isoDate.optional() })
  .refine((q) => !q.dateFrom || !q.dateTo || q.dateFrom <= q.dateTo, { message: "date_from must not be after date_to.", path: ["dateTo"] });
export type TransactionsQuery = z.infer<typeof transactionsQuerySchema>;

export const USAGE_PERIODS = [7, 30, 90] as const;
export const usageQuerySchema = z.object({
  days: z.coerce.number().int().refine((d) => (USAGE_PERIODS as readonly number[]).includes(d), "Choose 7, 30 or 90 days.").default(30),
  siteId: idSchema.optional(),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const planChangeSchema = z.object({ planId: idSchema });

export const MAX_ADJUSTMENT = 10_000_000;
export const adjustCreditsSchema = z.object({
  amount: z.coerce
    .number({ error: "Enter a number of credits." })
    .int("Whole credits only.")
    .refine((n) => n !== 0, "Enter a positive amount to grant or a negative one to remove.")
    .refine((n) => Math.abs(n) <= MAX_ADJUSTMENT, `At most ${MAX_ADJUSTMENT.toLocaleString("en-US")} credits at once.`),
  reason: z.string({ error: "Give a reason: it is shown in the account's ledger." }).trim().min(3, "Give a reason: it is shown in the account's ledger.").max(500, "Keep the reason under 500 characters."),
});
export type AdjustCreditsInput = z.infer<typeof adjustCreditsSchema>;

// The body of a system settings change: shared by the route, the admin page's action and its form
// (so the browser validates exactly like the server). Imports zod only: safe in client components.
import { z } from "zod";

/** Operations whose price a developer may set (the connection test is always free). */
export const PRICED_OPERATIONS = ["auto_cluster", "generate_ideas", "generate_content", "generate_image_prompts", "generate_images", "optimize_content"] as const;
export type PricedOperation = (typeof PRICED_OPERATIONS)[number];

/** Body keys arrive camelCased like every body key (generate_ideas → generateIdeas). */
export const camelOperation = (op: string) => op.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());

export const MAINTENANCE_MESSAGE_REQUIRED = "Write the message the banner shows.";

const modelName = z.string().trim().min(1).max(100).regex(/^[\w.:@/-]+$/, "Letters, digits and . : @ / - only.").nullable();
const credits = z.number({ error: "Enter a whole number of credits." }).int("Whole credits only.").min(0, "At least 0.").max(10_000, "At most 10,000.");
export const updateSystemSettingsSchema = z
  .object({
    defaultModels: z.object({ text: modelName, image: modelName, runware: modelName }).partial().strict(),
    /** Credits per block; null returns an operation to the price table. */
    creditPrices: z.object(Object.fromEntries(PRICED_OPERATIONS.map((op) => [camelOperation(op), credits.nullable()])) as Record<string, z.ZodNullable<typeof credits>>).partial().strict(),
    features: z.object({ signups: z.boolean(), imageGeneration: z.boolean() }).partial().strict(),
    maintenance: z.object({ enabled: z.boolean(), message: z.string().trim().max(500) }).partial().strict(),
  })
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((section) => section && Object.keys(section).length), { message: "Send at least one setting to change." })
  .refine((v) => !(v.maintenance?.enabled && v.maintenance.message === ""), { message: MAINTENANCE_MESSAGE_REQUIRED, path: ["maintenance", "message"] });
export type UpdateSystemSettingsInput = z.infer<typeof updateSystemSettingsSchema>;

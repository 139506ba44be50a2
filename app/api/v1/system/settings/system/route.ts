import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { readSystemSettings, updateSystemSettings, updateSystemSettingsSchema } from "@/lib/system/settings";

const nullableModel = z.string().nullable();
const settingsResponse = z.object({
  defaultModels: z.object({ text: nullableModel, image: nullableModel, runware: nullableModel }).describe("Models used when an account sets none (null: the environment's default)"),
  creditPrices: z.record(z.string(), z.number().int()).describe("Credits per block set by developers, by operation (others use the price table)"),
  features: z.object({ signups: z.boolean(), imageGeneration: z.boolean() }),
  maintenance: z.object({ enabled: z.boolean(), message: z.string() }),
  defaults: z.object({ creditPrices: z.record(z.string(), z.number().int()) }),
  updatedAt: z.date().nullable(),
  updatedById: z.number().int().nullable(),
  changes: z.array(z.object({ id: z.number().int(), userId: z.number().int().nullable(), userEmail: z.string(), changes: z.unknown(), createdAt: z.date() })).describe("The last 20 changes, newest first"),
});

export const GET = apiRoute({ summary: "System settings and their recent changes (developers)", response: settingsResponse, auth: "user", permission: "administer" }, async ({ ctx }) => readSystemSettings(ctx));

export const PATCH = apiRoute(
  { summary: "Change system settings: default models, credit prices, feature switches, maintenance banner (developers, audited)", response: settingsResponse, auth: "user", permission: "administer", body: updateSystemSettingsSchema },
  async ({ ctx, body, requestId }) => updateSystemSettings(ctx, body, requestId),
);

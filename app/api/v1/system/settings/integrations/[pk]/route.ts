import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { getIntegration, saveIntegration } from "@/lib/settings/integrations";
import { integrationTypeSchema } from "@/lib/settings/schemas";
import { aiIntegrationResponse } from "@/lib/settings/responses";

// Keys are write-only: reads return `api_key_masked`; a blank `api_key` keeps the stored one.
export const GET = apiRoute({ summary: "Get an AI integration's settings (keys masked)", response: aiIntegrationResponse, params: z.object({ pk: integrationTypeSchema }), auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => getIntegration(scoped(ownAccount(ctx)), parseInput(integrationTypeSchema, params.pk)));

const save = apiRoute({ summary: "Save an AI integration's settings", response: aiIntegrationResponse, params: z.object({ pk: integrationTypeSchema }), auth: "user", permission: "manageAccount", body: z.record(z.string(), z.unknown()) }, async ({ ctx, params, body }) =>
  saveIntegration(scoped(ownAccount(ctx)), ctx, parseInput(integrationTypeSchema, params.pk), body),
);
export const PUT = save;
export const POST = save;

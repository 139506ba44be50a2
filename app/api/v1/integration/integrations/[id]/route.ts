import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateIntegrationSchema } from "@/lib/integration/schemas";
import { deleteIntegration, getIntegration, updateIntegration } from "@/lib/integration/service";
import { integrationResponse } from "@/lib/publishing/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get an integration", response: integrationResponse, auth: "user" }, async ({ ctx, params }) => getIntegration(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update an integration", response: integrationResponse, auth: "user", body: updateIntegrationSchema, permission: "manageAccount" }, async ({ ctx, params, body }) => updateIntegration(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete an integration", response: z.null(), auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  await deleteIntegration(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

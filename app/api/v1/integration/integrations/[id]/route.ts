import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateIntegrationSchema } from "@/lib/integration/schemas";
import { deleteIntegration, getIntegration, updateIntegration } from "@/lib/integration/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getIntegration(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ auth: "user", body: updateIntegrationSchema, permission: "manageAccount" }, async ({ ctx, params, body }) => updateIntegration(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  await deleteIntegration(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

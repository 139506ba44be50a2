import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { setActiveSchema } from "@/lib/sites/schemas";
import { setSiteActive } from "@/lib/sites/service";
import { siteResponse } from "@/lib/sites/responses";

export const POST = apiRoute({ summary: "Activate or deactivate a site", response: siteResponse, auth: "user", body: setActiveSchema }, async ({ ctx, params, body }) =>
  setSiteActive(scoped(ctx), ctx, assertValidId(params.id), body.isActive),
);

import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateSiteSchema } from "@/lib/sites/schemas";
import { deleteSite, getSite, updateSite } from "@/lib/sites/service";
import { siteResponse } from "@/lib/sites/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a site", response: siteResponse, auth: "user" }, async ({ ctx, params }) => getSite(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a site", response: siteResponse, auth: "user", body: updateSiteSchema }, async ({ ctx, params, body }) =>
  updateSite(scoped(ctx), ctx, assertValidId(params.id), body),
);
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a site", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteSite(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

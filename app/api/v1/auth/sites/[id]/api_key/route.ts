import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { revokeSiteApiKey, rotateSiteApiKey } from "@/lib/sites/service";
import { siteApiKeyResponse, siteResponse } from "@/lib/sites/responses";

export const POST = apiRoute({ summary: "Create or rotate the site's API key (shown once)", response: siteApiKeyResponse, auth: "user", status: 201 }, async ({ ctx, params }) =>
  withMessage(await rotateSiteApiKey(scoped(ctx), ctx, assertValidId(params.id)), "Copy this key now: it will not be shown again."),
);

export const DELETE = apiRoute({ summary: "Revoke the site's API key", response: siteResponse, auth: "user" }, async ({ ctx, params }) => revokeSiteApiKey(scoped(ctx), ctx, assertValidId(params.id)));

import { scoped } from "@/lib/db/scoped";
import { UnauthorizedError } from "@/lib/errors";
import { apiRoute, paginated } from "@/lib/http/route";
import { createSiteSchema, listSitesQuerySchema } from "@/lib/sites/schemas";
import { findPublicSiteBySlug, toPublicSiteDto } from "@/lib/sites/public";
import { createSite, listSites } from "@/lib/sites/service";
import { siteListItemResponse, siteResponse } from "@/lib/sites/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List sites (or, without credentials, one active site by `?slug=`)", response: listOf(siteListItemResponse), auth: "optional", query: listSitesQuerySchema }, async ({ ctx, query }) => {
  if (!ctx) {
    if (!query.slug) throw new UnauthorizedError("Sign in, or ask for one active site by ?slug=.");
    const site = await findPublicSiteBySlug(query.slug);
    return paginated({ count: site ? 1 : 0, results: site ? [toPublicSiteDto(site)] : [] }, query);
  }
  return paginated(await listSites(scoped(ctx), query), query);
});

export const POST = apiRoute({ summary: "Create a site", response: siteResponse, auth: "user", body: createSiteSchema, status: 201 }, async ({ ctx, body }) => createSite(scoped(ctx), ctx, body));

import { apiRoute } from "@/lib/http/route";
import { download } from "@/lib/http/route-meta";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = apiRoute({ auth: "public", summary: "This OpenAPI 3.1 document", response: download("application/json", "The OpenAPI 3.1 document of /api/v1") }, async () =>
  Response.json(await openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);

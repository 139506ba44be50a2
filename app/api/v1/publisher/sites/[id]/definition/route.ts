import { assertValidId } from "@/lib/auth/service";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getSiteDefinition } from "@/lib/publishing/public";
import { siteDefinitionResponse } from "@/lib/publishing/responses";

/** Public: the definition of an ACTIVE site (404 for inactive or unknown ones). */
export const GET = apiRoute({ summary: "An active site's public definition (pages, posts, navigation)", response: siteDefinitionResponse, auth: "public" }, async ({ params }) => {
  const definition = await getSiteDefinition(assertValidId(params.id));
  if (!definition) throw new NotFoundError("Site");
  return definition;
});

import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { createImageSchema, listImagesQuerySchema } from "@/lib/writer/schemas";
import { createImage, listImages } from "@/lib/writer/service";

export const GET = apiRoute({ auth: "user", query: listImagesQuerySchema }, async ({ ctx, query }) =>
  paginated(await listImages(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);

/** An image record without a file (a prompt to render); files arrive through upload/. */
export const POST = apiRoute({ auth: "user", body: createImageSchema, status: 201, permission: "write" }, async ({ ctx, body }) => createImage(scoped(ctx), ctx, body));

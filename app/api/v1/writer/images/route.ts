import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { apiRoute, paginated } from "@/lib/http/route";
import { presentList } from "@/lib/http/validation";
import { createImageRequestSchema, listImagesQuerySchema } from "@/lib/writer/schemas";
import { createImage, listImages } from "@/lib/writer/service";
import { imageResource, imageResponse } from "@/lib/writer/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List images", response: listOf(imageResponse), auth: "user", query: listImagesQuerySchema }, async ({ ctx, query }) =>
  paginated(presentList(await listImages(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), imageResource), query),
);

/** An image record without a file (a prompt to render); files arrive through upload/. */
export const POST = apiRoute({ summary: "Create an image record (a prompt to render)", response: imageResponse, auth: "user", body: createImageRequestSchema, status: 201, permission: "write" }, async ({ ctx, body }) =>
  imageResource(await createImage(scoped(ctx), ctx, body)),
);

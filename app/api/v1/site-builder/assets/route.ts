import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import { camelKeys } from "@/lib/http/case";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { readUpload } from "@/lib/http/upload";
import { idSchema, parseInput } from "@/lib/http/validation";
import { MAX_UPLOAD_BYTES } from "@/lib/storage";
import { assetResponse } from "@/lib/site-builder/responses";
import { ASSET_ROLES, assetListQuerySchema, deleteAssetSchema } from "@/lib/site-builder/schemas";
import { deleteAssets, listAssets, uploadAsset } from "@/lib/site-builder/service";

const uploadFields = z.object({ siteId: idSchema, role: z.enum(ASSET_ROLES).optional(), name: z.string().trim().max(200).optional() }).strict();

export const GET = apiRoute({ summary: "List a site's assets", response: listOf(assetResponse), auth: "user", query: assetListQuerySchema }, async ({ ctx, query }) => paginated(await listAssets(scoped(ctx), query), query));

/** multipart/form-data: `file` (PNG, JPEG, WebP or GIF) plus site_id, role (logo | image), name. */
export const POST = apiRoute(
  { summary: "Upload a site asset (multipart)", response: assetResponse, auth: "user", status: 201, requestBody: { contentType: "multipart/form-data", description: "The image as `file`, with site_id, role (logo or image) and name", fields: uploadFields } },
  async ({ ctx, request }) => {
    const upload = await readUpload(request, MAX_UPLOAD_BYTES);
    const input = parseInput(uploadFields, camelKeys(upload.fields));
    if (!upload.file) throw new ValidationError("Choose an image file to upload.", { file: ["No file was sent."] });
    return uploadAsset(scoped(ctx), ctx, { ...input, bytes: upload.file.bytes, filename: upload.file.filename });
  },
);

export const DELETE = apiRoute({ summary: "Delete site assets", response: z.object({ deleted: z.number().int() }), auth: "user", body: deleteAssetSchema }, async ({ ctx, body }) => ({ deleted: await deleteAssets(scoped(ctx), ctx, body.ids, body.siteId) }));

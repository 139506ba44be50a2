import { scoped } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import { camelKeys } from "@/lib/http/case";
import { apiRoute } from "@/lib/http/route";
import { readUpload } from "@/lib/http/upload";
import { parseInput } from "@/lib/http/validation";
import { MAX_UPLOAD_BYTES } from "@/lib/storage";
import { uploadImageSchema } from "@/lib/writer/schemas";
import { uploadImage } from "@/lib/writer/service";
import { imageResource, imageResponse } from "@/lib/writer/responses";

/** multipart/form-data: `file` plus content_id | task_id | site_id+sector_id, type, alt_text, caption. */
export const POST = apiRoute({ summary: "Upload an image (multipart)", response: imageResponse, auth: "user", status: 201, permission: "write", requestBody: { contentType: "multipart/form-data", description: "The image as `file`, placed by content_id, task_id or site_id + sector_id", fields: uploadImageSchema } }, async ({ ctx, request }) => {
  const upload = await readUpload(request, MAX_UPLOAD_BYTES);
  const input = parseInput(uploadImageSchema, camelKeys(upload.fields));
  if (!upload.file) throw new ValidationError("Choose an image file to upload.", { file: ["No file was sent."] });
  return imageResource(await uploadImage(scoped(ctx), ctx, { ...input, bytes: upload.file.bytes, filename: upload.file.filename }));
});

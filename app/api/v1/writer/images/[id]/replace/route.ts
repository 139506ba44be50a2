import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { readUpload } from "@/lib/http/upload";
import { MAX_UPLOAD_BYTES } from "@/lib/storage";
import { replaceImageFile } from "@/lib/writer/service";
import { imageResource, imageResponse } from "@/lib/writer/responses";

/** multipart/form-data with `file`: a new file for the same image (the article follows). */
export const POST = apiRoute({ summary: "Replace an image's file (multipart)", response: imageResponse, auth: "user", permission: "write", requestBody: { contentType: "multipart/form-data", description: "The new image as `file`" } }, async ({ ctx, params, request }) => {
  const id = assertValidId(params.id);
  const upload = await readUpload(request, MAX_UPLOAD_BYTES);
  if (!upload.file) throw new ValidationError("Choose an image file to upload.", { file: ["No file was sent."] });
  return imageResource(await replaceImageFile(scoped(ctx), ctx, id, upload.file));
});

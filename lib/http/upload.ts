// Multipart uploads for route handlers: the body is read with a size cap (so an oversized upload
// is refused without buffering it all), then parsed with the platform's FormData.
import { ValidationError } from "@/lib/errors";

export type Upload = { fields: Record<string, string>; file: { bytes: Uint8Array; filename: string; type: string } | null };

const MULTIPART_OVERHEAD = 64 * 1024;

export async function readUpload(request: Request, maxFileBytes: number, fileField = "file"): Promise<Upload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new ValidationError("Send the image as multipart/form-data with a `file` field.", { [fileField]: ["No file was sent."] });
  }
  const limit = maxFileBytes + MULTIPART_OVERHEAD;
  const tooLarge = () => new ValidationError(`Images may be at most ${(maxFileBytes / 1024 / 1024).toFixed(0)} MB.`, { [fileField]: ["The file is too large."] });
  if (Number(request.headers.get("content-length")) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ValidationError("The upload could not be read as multipart/form-data.");
  }
  const fields: Record<string, string> = {};
  let file: Upload["file"] = null;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === fileField) file = { bytes: new Uint8Array(await value.arrayBuffer()), filename: value.name, type: value.type };
  }
  return { fields, file };
}

// Browser uploads go to the REST routes (multipart), which are not bound by server actions' body limit.
import type { ImageDto } from "@/lib/writer/image-dto";

export type UploadResult = { ok: true; image: ImageDto } | { ok: false; message: string };

export const ACCEPTED_IMAGE_TYPES = "image/png,image/jpeg,image/webp,image/gif";

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), camel(v)]));
  }
  return value;
}

async function send(url: string, file: File, fields: Record<string, string | number | undefined> = {}): Promise<UploadResult> {
  const form = new FormData();
  form.set("file", file);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, String(value));
  try {
    const response = await fetch(url, { method: "POST", body: form });
    const body = await response.json().catch(() => null);
    if (!response.ok || !body?.success) {
      const fieldError = body?.errors ? (Object.values(body.errors)[0] as string[] | undefined)?.[0] : undefined;
      return { ok: false, message: fieldError ?? body?.message ?? `Upload failed (${response.status}).` };
    }
    return { ok: true, image: camel(body.data) as ImageDto };
  } catch {
    return { ok: false, message: "Upload failed: check your connection and try again." };
  }
}

export function uploadImage(file: File, fields: { content_id?: number; task_id?: number; type?: string; alt_text?: string }) {
  return send("/api/v1/writer/images/upload/", file, fields);
}

export function replaceImage(imageId: number, file: File) {
  return send(`/api/v1/writer/images/${imageId}/replace/`, file);
}

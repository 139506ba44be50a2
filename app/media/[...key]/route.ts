// Stored images, served with the access rule of lib/writer/media.ts.
import type { NextRequest } from "next/server";
import { isAppError } from "@/lib/errors";
import { optionalViewer } from "@/lib/http/viewer";
import { readFile } from "@/lib/storage";
import { mimeTypeOfKey } from "@/lib/storage/keys";
import { canHaveVariants, readVariant, VARIANT_WIDTHS } from "@/lib/storage/variants";
import { mediaAccess } from "@/lib/writer/media";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ key: string[] }> }) {
  let key: string;
  try {
    key = (await params).key.map((segment) => decodeURIComponent(segment)).join("/");
  } catch {
    return notFound(); // malformed %-escapes
  }
  // ?w=<width>: a responsive WebP variant (lib/storage/variants.ts), only at the widths the pages list.
  const w = request.nextUrl.searchParams.get("w");
  const width = w === null ? null : VARIANT_WIDTHS.find((allowed) => String(allowed) === w);
  if (width === undefined) return notFound();
  const access = await mediaAccess(key, () => optionalViewer(request.headers));
  if (!access) return notFound();
  try {
    const variant = width !== null && canHaveVariants(mimeTypeOfKey(key));
    const file = variant ? await readVariant(key, width) : await readFile(key);
    // A stored file never changes (a new file gets a new key): variants may be kept for a year.
    const publicCache = variant ? "public, max-age=31536000, immutable" : "public, max-age=86400";
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.bytes.byteLength),
        "cache-control": access === "public" ? publicCache : "private, max-age=3600",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "content-disposition": "inline",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.status < 500) return notFound();
    throw error;
  }
}

// Stored images, served with the access rule of lib/writer/media.ts.
import type { NextRequest } from "next/server";
import { isAppError } from "@/lib/errors";
import { optionalViewer } from "@/lib/http/viewer";
import { readFile } from "@/lib/storage";
import { mediaAccess } from "@/lib/writer/media";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ key: string[] }> }) {
  let key: string;
  try {
    key = (await params).key.map((segment) => decodeURIComponent(segment)).join("/");
  } catch {
    return notFound(); // malformed %-escapes
  }
  const access = await mediaAccess(key, () => optionalViewer(request.headers));
  if (!access) return notFound();
  try {
    const file = await readFile(key);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.bytes.byteLength),
        "cache-control": access === "public" ? "public, max-age=86400" : "private, max-age=3600",
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

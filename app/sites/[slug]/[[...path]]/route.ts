// Hosted sites: every public URL of a site, under /sites/<slug>/… and (rewritten by proxy.ts) at the
// root of its own domain. Plain HTML from lib/hosted (no React, no scripts); proxy.ts adds the
// hosted security headers. server.mjs answers these pages itself (lib/hosted/server-handler.ts) when built with its fast path.
import type { NextRequest } from "next/server";
import { HOSTED_HOST_HEADER } from "@/lib/hosted/address";
import { hostedResponse } from "@/lib/hosted/service";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; path?: string[] }> }) {
  const { slug, path = [] } = await params;
  const host = request.headers.get(HOSTED_HOST_HEADER);
  return hostedResponse(host ? { slug, path, host } : { slug, path }, { headers: request.headers });
}

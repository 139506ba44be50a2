import { absoluteUrl, hostedSite } from "@/lib/publishing/render";

// Small documents: rendered per request, cached by browsers and proxies for 5 minutes.
export const dynamic = "force-dynamic";
const CACHE = "public, max-age=300";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const site = await hostedSite((await params).slug);
  if (!site) return new Response("Not found", { status: 404 });
  return new Response(`User-agent: *\nAllow: /sites/${site.slug}/\nSitemap: ${absoluteUrl(`/sites/${site.slug}/sitemap.xml`)}\n`, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": CACHE } });
}

import { absoluteUrl, escapeXml, hostedPosts, hostedSite } from "@/lib/publishing/render";

// Small documents: rendered per request, cached by browsers and proxies for 5 minutes.
export const dynamic = "force-dynamic";
const CACHE = "public, max-age=300";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const site = await hostedSite((await params).slug);
  if (!site) return new Response("Not found", { status: 404 });
  const posts = await hostedPosts(site.id);
  const home = absoluteUrl(`/sites/${site.slug}`);
  const items = posts.map((p) => {
    const link = absoluteUrl(`/sites/${site.slug}/${p.slug}`);
    return `    <item><title>${escapeXml(p.title)}</title><link>${escapeXml(link)}</link><guid isPermaLink="true">${escapeXml(link)}</guid><pubDate>${p.publishedAt.toUTCString()}</pubDate><description>${escapeXml(p.metaDescription || p.excerpt)}</description>${p.categories.map((c) => `<category>${escapeXml(c)}</category>`).join("")}</item>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n    <title>${escapeXml(site.name)}</title>\n    <link>${escapeXml(home)}</link>\n    <description>${escapeXml(site.description || site.name)}</description>\n    <atom:link href="${escapeXml(absoluteUrl(`/sites/${site.slug}/rss.xml`))}" rel="self" type="application/rss+xml"/>\n${items.join("\n")}\n  </channel>\n</rss>\n`;
  return new Response(body, { headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": CACHE } });
}

import { absoluteUrl, escapeXml, hostedPages, hostedPosts, hostedSite } from "@/lib/publishing/render";

// Small documents: rendered per request, cached by browsers and proxies for 5 minutes.
export const dynamic = "force-dynamic";
const CACHE = "public, max-age=300";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const site = await hostedSite((await params).slug);
  if (!site) return new Response("Not found", { status: 404 });
  const [pages, posts] = await Promise.all([hostedPages(site.id), hostedPosts(site.id)]);
  const urls = [
    { loc: absoluteUrl(`/sites/${site.slug}`), lastmod: posts[0]?.updatedAt },
    ...pages.map((p) => ({ loc: absoluteUrl(`/sites/${site.slug}/${p.slug}`), lastmod: p.updatedAt })),
    ...posts.map((p) => ({ loc: absoluteUrl(`/sites/${site.slug}/${p.slug}`), lastmod: p.updatedAt })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": CACHE } });
}

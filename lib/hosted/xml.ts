// Feeds, sitemaps and robots.txt of hosted sites: strings with every value escaped for XML.
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Text for a CDATA section: "]]>" is split so it cannot end the section early. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

export type FeedItem = { title: string; link: string; description: string; publishedAt: Date; categories: string[]; html: string | null };

export function feedXml(feed: { title: string; language: string; link: string; self: string; description: string; items: FeedItem[] }): string {
  const items = feed.items.map(
    (p) =>
      `    <item><title>${escapeXml(p.title)}</title><link>${escapeXml(p.link)}</link><guid isPermaLink="true">${escapeXml(p.link)}</guid><pubDate>${p.publishedAt.toUTCString()}</pubDate><description>${escapeXml(p.description)}</description>${p.categories.map((c) => `<category>${escapeXml(c)}</category>`).join("")}${p.html !== null ? `<content:encoded>${cdata(p.html)}</content:encoded>` : ""}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n  <channel>\n    <title>${escapeXml(feed.title)}</title>\n    <link>${escapeXml(feed.link)}</link>\n    <description>${escapeXml(feed.description)}</description>\n    <language>${escapeXml(feed.language)}</language>\n    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>\n${items.join("\n")}${items.length ? "\n" : ""}  </channel>\n</rss>\n`;
}

export function sitemapIndexXml(sitemaps: { loc: string; lastmod: Date }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.map((s) => `  <sitemap><loc>${escapeXml(s.loc)}</loc><lastmod>${s.lastmod.toISOString()}</lastmod></sitemap>`).join("\n")}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: { loc: string; lastmod?: Date | null }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ""}</url>`).join("\n")}${urls.length ? "\n" : ""}</urlset>\n`;
}

export function robotsTxt(publicBase: string, allow: string): string {
  return `User-agent: *\nAllow: ${allow}\nSitemap: ${publicBase}/sitemap.xml\n`;
}

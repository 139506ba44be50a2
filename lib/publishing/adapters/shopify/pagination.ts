// Shopify's Admin REST API pages lists with cursors: the response's Link header names the next
// page (`<…?limit=250&page_info=…>; rel="next"`), and a request with page_info may carry only
// limit and fields (any other filter is refused).

export const SHOPIFY_MAX_LIMIT = 250;

/** The page_info cursor of the rel="next" link, or null on the last page. */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?next"?/i);
    if (!match) continue;
    try {
      return new URL(match[1]).searchParams.get("page_info");
    } catch {
      return null;
    }
  }
  return null;
}

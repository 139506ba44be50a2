// Shopify's Admin REST API pages lists with cursors: the response's Link header names the next
// page (`<…?limit=250&page_info=…>; rel="next"`), and a request with page_info may carry only
// limit and fields (any other filter is refused).

export const SHOPIFY_MAX_LIMIT = 250;

/** The page_info cursor of the rel="next" link, or null on the last page. */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null;
  // Not split on ",": the URLs carry `fields=id,title,…` unencoded.
  for (const [, target, rel] of link.matchAll(/<([^>]*)>\s*;\s*rel="?([^",;]*)"?/gi)) {
    if (rel.toLowerCase() !== "next") continue;
    try {
      return new URL(target).searchParams.get("page_info");
    } catch {
      return null;
    }
  }
  return null;
}

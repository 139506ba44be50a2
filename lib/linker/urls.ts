/**
 * Comparable form of a link URL: host (lowercase, without "www." and port) and path
 * (lowercase, decoded, no query / fragment / trailing slash). Relative URLs have host null and
 * match an absolute URL with the same path on any host — we cannot know the page's host, and
 * treating them as the same page only ever makes the linker more conservative.
 */
export type UrlKey = { host: string | null; path: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const AUTHORITY = /^(?:(https?):)?\/\/([^/?#]*)(.*)$/i;

export function urlKey(url: string): UrlKey | null {
  const u = url.trim();
  if (!u || u.startsWith("#")) return null;
  let host: string | null = null;
  let rest = u;
  const m = AUTHORITY.exec(u);
  if (m) {
    host = m[2].toLowerCase().replace(/^[^@]*@/, "").replace(/:\d*$/, "").replace(/^www\./, "");
    rest = m[3];
  } else if (SCHEME.test(u)) {
    return null; // mailto:, tel:, javascript:, …
  }
  let path = rest.replace(/[?#].*$/s, "");
  try {
    path = decodeURI(path);
  } catch {
    // keep it encoded
  }
  path = path.toLowerCase().replace(/^(?:\.{1,2}\/)+/, "");
  if (!path.startsWith("/")) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/+$/, "") || "/";
  return { host, path };
}

export function sameUrl(a: UrlKey, b: UrlKey): boolean {
  return a.path === b.path && (a.host === null || b.host === null || a.host === b.host);
}

/** Host of a site setting ("https://www.Example.com/" / "example.com") in urlKey form. */
export function hostKey(host: string): string {
  const h = host.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  return h.replace(/[/?#].*$/s, "").replace(/^[^@]*@/, "").replace(/:\d*$/, "").replace(/^www\./, "");
}

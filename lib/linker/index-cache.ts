// The site's link index, kept between requests. Building it for 5,000 articles takes a few hundred
// milliseconds; the editor asks for suggestions often and a batch run asks once per article. An
// entry is used only while the site's fingerprint (lib/linker/targets) is unchanged, so a saved,
// added or removed article rebuilds it; each process keeps its own (safe with several instances).
// Callers check the site is accessible before asking (the targets are the site's, not the user's).
import { env } from "@/lib/config/env";
import type { LinkIndex } from "./candidates";
import type { SiteLinkTarget } from "./targets";

export type CachedIndex = { targets: SiteLinkTarget[]; index: LinkIndex; byId: Map<number, SiteLinkTarget> };

/** Sites kept at once (an index of 5,000 articles is some tens of MB). */
const MAX_SITES = env.LINKER_INDEX_CACHE_SITES;
const entries = new Map<string, { fingerprint: string; value: CachedIndex }>();

export async function cachedIndex(key: string, fingerprint: string, build: () => Promise<CachedIndex>): Promise<CachedIndex> {
  const hit = entries.get(key);
  if (hit && hit.fingerprint === fingerprint) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit.value;
  }
  const value = await build();
  entries.set(key, { fingerprint, value });
  while (entries.size > Math.max(0, MAX_SITES)) entries.delete(entries.keys().next().value!);
  return value;
}

export function clearIndexCache(): void {
  entries.clear();
}

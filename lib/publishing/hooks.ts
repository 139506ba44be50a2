// Seams that keep the publishing services free of next/* and of other modules:
//  - `onContentPublished(listener)`: other modules (the linker: "add links to it from older
//    articles") react to a content going live on a destination. The job provider also emits
//    `publisher/content.published` (an Inngest event when an Inngest server is configured).
//  - `revalidateHostedSite`: drops a hosted site's cached pages (lib/sites/hosted-cache.ts).
// Listeners live on globalThis: Next bundles instrumentation and routes separately.
import { log } from "@/lib/log";
import { invalidateHostedSite } from "@/lib/sites/hosted-cache";

export type ContentPublished = { accountId: number; siteId: number; sectorId: number; contentId: number; destination: string; destinationKey: string; url: string | null; remoteId: string | null; userId: number | null };
type Listener = (event: ContentPublished) => void | Promise<void>;

const state = globalThis as unknown as { __publishedListeners?: Set<Listener> };

/** Registers a listener; returns a function that removes it. */
export function onContentPublished(listener: Listener): () => void {
  (state.__publishedListeners ??= new Set()).add(listener);
  return () => state.__publishedListeners?.delete(listener);
}

export async function emitContentPublished(event: ContentPublished): Promise<void> {
  for (const listener of state.__publishedListeners ?? []) {
    try {
      await listener(event);
    } catch (error) {
      log.warn("content.published listener failed", { contentId: event.contentId, error: (error as Error).message });
    }
  }
  const { jobProvider } = await import("@/lib/jobs/provider");
  await jobProvider()
    .emit("publisher/content.published", event)
    .catch((error: Error) => log.warn("could not send publisher/content.published", { error: error.message }));
}


/** Drops the cached pages of a hosted site so the next visitor sees the change. */
export async function revalidateHostedSite(siteSlug: string): Promise<void> {
  invalidateHostedSite(siteSlug);
}

// Types of server-cache.mjs (plain JS, loaded by server.mjs as it is).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CachedResponse } from "@/lib/sites/hosted-cache";

export function hostedCache(): Map<string, CachedResponse & { raw?: string[]; raw304?: string[] }>;
export function cacheKeyOf(req: IncomingMessage): string | null;
export function serveHit(req: IncomingMessage, res: ServerResponse, key: string, ttlMs: number): boolean;

// Counting the database queries of one request, for developers' resource tracking
// (lib/system/resource-tracking.ts). Each pooled pg client's `query` is wrapped once, when it
// connects; a query made outside a tracked request costs one AsyncLocalStorage lookup.
// Attribution follows the async context: under pool contention a query can be counted for the
// request whose release handed over the connection, so counts are a close estimate, not an audit.
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

export type QueryTracker = { queries: number; queryMs: number };
// On globalThis: server.mjs's hosted fast path (a separate bundle, lib/hosted/server-handler.ts) may
// open the shared pool first, and its wrapper must read the same store as the app's requests.
const state = globalThis as unknown as { __queryTracking?: AsyncLocalStorage<QueryTracker> };
export const queryTracking = (state.__queryTracking ??= new AsyncLocalStorage<QueryTracker>());

export function instrumentPgClient(client: pg.PoolClient): void {
  const query = client.query;
  client.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const tracker = queryTracking.getStore();
    if (!tracker) return (query as (...a: unknown[]) => unknown).apply(this, args);
    tracker.queries++;
    const started = performance.now();
    const done = () => {
      tracker.queryMs += performance.now() - started;
    };
    // pg-pool's own `pool.query` calls the client with a callback; transactions use the promise form.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (...a: unknown[]) => unknown;
      args[last] = (...a: unknown[]) => {
        done();
        return callback(...a);
      };
    }
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
    return result;
  } as typeof client.query;
}

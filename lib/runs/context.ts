// The tenant context a background run acts with: the user who started it (their role and site
// access, re-checked on every step), confined to the run's own account.
import { loadContext } from "@/lib/auth/service";
import { ownAccount, type TenantContext } from "@/lib/db/tenant-context";

// Steps of one run come in quick succession; a context is reused for a few seconds, so a role or
// access change reaches a running pipeline within that time.
const TTL_MS = 5_000;
const cache = new Map<number, { ctx: Promise<TenantContext>; at: number }>();

export async function contextForRun(data: { accountId: number; userId: number | null }): Promise<TenantContext> {
  if (!data.userId) return { userId: null, accountId: data.accountId, role: "system_bot", crossAccount: false, siteAccess: "account" };
  let entry = cache.get(data.userId);
  if (!entry || Date.now() - entry.at > TTL_MS) {
    entry = { ctx: loadContext(data.userId).then(ownAccount), at: Date.now() };
    cache.set(data.userId, entry);
    entry.ctx.catch(() => cache.delete(data.userId!));
  }
  const ctx = await entry.ctx;
  if (ctx.accountId !== data.accountId) throw new Error("The user who started this run no longer belongs to its account.");
  return ctx;
}

import type { UserRole } from "@/lib/generated/prisma/enums";

/**
 * Who is asking, for which account, and which sites they may see. Built once per request
 * (lib/auth/context.ts) or per background run, and passed to `scoped(ctx)`.
 */
export type TenantContext = {
  userId: number | null; // null for a site API key (the WordPress bridge)
  accountId: number;
  role: UserRole;
  /** Developers and users of the system account read across accounts (active sites only). */
  crossAccount: boolean;
  /** "account": every site of the account; otherwise exactly these site ids. */
  siteAccess: "account" | number[];
  /** The selected site and sector, when the request names them. */
  siteId?: number;
  sectorId?: number;
};

export function withSelection(ctx: TenantContext, siteId?: number | null, sectorId?: number | null): TenantContext {
  return { ...ctx, siteId: siteId ?? undefined, sectorId: sectorId ?? undefined };
}

export function canAccessSite(ctx: TenantContext, siteId: number): boolean {
  return ctx.siteAccess === "account" || ctx.siteAccess.includes(siteId);
}

/**
 * The caller's own account only, even for developers and system users (who otherwise read across
 * accounts). Settings, prompts, credits and runs are always about the caller's own account.
 */
export function ownAccount<T extends TenantContext>(ctx: T): T {
  if (!ctx.crossAccount) return ctx;
  return { ...ctx, crossAccount: false, siteAccess: "account" };
}

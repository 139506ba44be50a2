// What each role may do. Tenancy (which rows) is the scoped client's job; this is about verbs.
import { ForbiddenError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";

export const ROLES = ["developer", "owner", "admin", "editor", "viewer", "system_bot"] as const satisfies readonly UserRole[];
/** Roles an owner or admin can give to teammates. */
export const INVITABLE_ROLES = ["admin", "editor", "viewer"] as const satisfies readonly UserRole[];

const MANAGERS: ReadonlySet<UserRole> = new Set(["developer", "owner", "admin"]);

export const can = {
  /** Create and change content (keywords, articles...). */
  write: (role: UserRole) => role !== "viewer",
  /** Create, configure and delete sites; invite and manage the team. */
  manageAccount: (role: UserRole) => MANAGERS.has(role),
  /** Billing, ownership transfer, account deletion. */
  ownAccount: (role: UserRole) => role === "owner" || role === "developer",
  /** Cross-account administration. */
  administer: (role: UserRole) => role === "developer",
};

export type Permission = keyof typeof can;

export function assertCan(role: UserRole, permission: Permission): void {
  if (!can[permission](role)) throw new ForbiddenError(PERMISSION_MESSAGES[permission]);
}

const PERMISSION_MESSAGES: Record<Permission, string> = {
  write: "Viewers cannot make changes.",
  manageAccount: "Only owners and admins can do this.",
  ownAccount: "Only the account owner can do this.",
  administer: "Only developers can use the admin tools.",
};

/** Editors and viewers only see sites granted to them. */
export function seesGrantedSitesOnly(role: UserRole): boolean {
  return role === "editor" || role === "viewer";
}

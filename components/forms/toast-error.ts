"use client";

import { toast } from "sonner";

export const PLANS_URL = "/billing/plans";

type Failure = { message?: string; code?: string; extra?: Record<string, unknown> };

/** Where a failure can be fixed: plan limits → the plans page, an empty balance → credits. */
export function fixLink(failure: Failure): { label: string; href: string } | null {
  if (failure.code === "plan_limit_exceeded" || typeof failure.extra?.upgradeUrl === "string") return { label: "See plans", href: (failure.extra?.upgradeUrl as string) ?? PLANS_URL };
  if (failure.code === "insufficient_credits") return { label: "Credits", href: "/billing" };
  return null;
}

/** Limit messages all end like this (lib/plans/limits.ts), also when they reach us as plain text (runs). */
export const isLimitMessage = (message: string | null | undefined) => Boolean(message && /plan allows .* Upgrade your plan/.test(message));

/**
 * The one way to toast a failed action: the message, plus a link to where it can be fixed (the
 * plans page for a plan limit), so every module refuses work past a limit the same way.
 */
export function toastError(failure: Failure | string) {
  const f = typeof failure === "string" ? { message: failure, code: isLimitMessage(failure) ? "plan_limit_exceeded" : undefined } : failure;
  const link = fixLink(f);
  const message = f.message || "Something went wrong.";
  if (!link) return void toast.error(message);
  toast.error(message, { duration: 12_000, action: { label: link.label, onClick: () => window.location.assign(link.href) } });
}

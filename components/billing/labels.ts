import type { CreditTransactionType } from "@/lib/generated/prisma/enums";

export const TRANSACTION_TYPE_LABELS: Record<CreditTransactionType, string> = { grant: "Grant", purchase: "Purchase", usage: "Usage", refund: "Refund", adjustment: "Adjustment" };
export const TRANSACTION_TYPE_BADGE = { grant: "success", purchase: "success", refund: "success", adjustment: "secondary", usage: "outline" } as const;

export const formatCredits = (n: number) => n.toLocaleString("en-US");
export const signedCredits = (n: number) => (n > 0 ? `+${formatCredits(n)}` : formatCredits(n));

/** Provider costs are often fractions of a cent: show them without rounding them to $0.00. */
export function formatUsd(n: number): string {
  if (n === 0) return "$0.00";
  if (Math.abs(n) < 0.01) return `$${n.toFixed(4)}`;
  return n.toLocaleString("en-US", { style: "currency", currency: "USD" });
}

export const shortDay = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

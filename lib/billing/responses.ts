// REST response schemas of billing (the API description and contract tests read them).
import { z } from "zod";
import { AccountModel, CreditTransactionModel, PlanModel, SubscriptionStatusSchema } from "@/lib/generated/model-schemas";

const id = z.number().int();
const subscription = z.object({ status: SubscriptionStatusSchema, plan: z.object({ id, name: z.string() }), provider: z.string(), currentPeriodEnd: z.date().nullable(), cancelAtPeriodEnd: z.boolean() }).nullable();

export const balanceResponse = z.object({
  balance: z.number().int(),
  lowBalance: z.boolean(),
  lowBalanceThreshold: z.number().int(),
  plan: z.object({ id, name: z.string(), slug: z.string(), includedCredits: z.number().int() }),
  spentThisMonth: z.number().int(),
  addedThisMonth: z.number().int(),
  subscription,
});

export const plansOverviewResponse = z.object({
  plans: z.array(PlanModel.extend({ isCurrent: z.boolean(), purchasable: z.boolean() })),
  currentPlan: z.object({ id, name: z.string(), isActive: z.boolean() }),
  subscription,
  paymentsEnabled: z.boolean(),
  hasBillingAccount: z.boolean(),
  canChange: z.boolean(),
});

/** The reference's CreditTransaction: `transaction_type` (our `type` is returned too). */
export const transactionResponse = CreditTransactionModel.pick({ id: true, type: true, amount: true, balanceAfter: true, description: true, runId: true, createdAt: true }).extend({
  transactionType: CreditTransactionModel.shape.type.describe("The reference's name of `type`."),
  operation: z.string().nullable(),
});

export function transactionResource<T extends { type: string }>(row: T) {
  return { ...row, transactionType: row.type };
}

const sums = { credits: z.number().int(), costUsd: z.number(), calls: z.number().int(), tokensIn: z.number().int(), tokensOut: z.number().int(), images: z.number().int() };
const used = z.object({ used: z.number().int(), max: z.number().int() });

export const usageResponse = z.object({
  period: z.object({ days: z.number().int(), from: z.date(), to: z.date(), siteId: id.nullable() }),
  totals: z.object(sums),
  byDay: z.array(z.object({ date: z.string(), credits: z.number().int(), costUsd: z.number(), calls: z.number().int() })),
  byOperation: z.array(z.object({ ...sums, operation: z.string(), label: z.string() })),
  byModel: z.array(z.object({ ...sums, model: z.string() })),
  bySite: z.array(z.object({ ...sums, siteId: id.nullable(), name: z.string() })),
  byEntryPoint: z.array(z.object({ ...sums, operation: z.string(), entryPoint: z.string() })).describe("Usage by where it was asked for (optimizer: editor, batch, automation)"),
  month: z.object({ planName: z.string(), resetsOn: z.date(), creditsSpent: z.number().int(), aiRequests: used, words: used, images: used }),
});

export const checkoutResponse = z.object({ url: z.string().nullable(), changed: z.boolean(), message: z.string() });
export const portalResponse = z.object({ url: z.string() });

export const webhookResponse = z.object({
  accountId: id.nullable(),
  outcome: z.enum(["processed", "ignored"]),
  summary: z.string(),
  duplicate: z.boolean(),
  eventId: z.string(),
  type: z.string(),
});

export const accountResponse = AccountModel;
export const adjustCreditsResponse = z.object({ accountId: id, transactionId: id, amount: z.number().int(), balance: z.number().int() });

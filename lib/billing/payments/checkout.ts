// Changing plan online: Checkout for an account without a subscription, a prorated price change
// for one that has one, and the provider's customer portal. Owners (and developers) only. The
// plan itself changes when the provider's webhook confirms the payment, never on the redirect.
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { ConfigurationError, ValidationError } from "@/lib/errors";
import { paymentProvider } from "./index";
import type { PaymentProvider } from "./types";

export const NO_PAYMENTS_MESSAGE = "Online payments are not set up on this installation: an administrator assigns plans. Ask yours to change your plan.";

export type PlanChangeResult = { url: string | null; changed: boolean; message: string };

function requireProvider(): PaymentProvider {
  const provider = paymentProvider();
  if (!provider) throw new ConfigurationError(NO_PAYMENTS_MESSAGE);
  return provider;
}

async function ensureCustomer(db: ScopedDb, provider: PaymentProvider, accountId: number): Promise<string> {
  const account = await db.account.findFirstOrThrow({ where: { id: accountId }, include: { owner: { select: { email: true } } } });
  if (account.stripeCustomerId) return account.stripeCustomerId;
  const customer = await provider.createCustomer({ accountId, name: account.name, email: account.owner?.email ?? null });
  // Two tabs may race here; the provider's idempotency key gives both the same customer.
  await db.account.updateMany({ where: { id: accountId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  return customer.id;
}

export async function startPlanChange(ctx: AppContext, planId: number, origin: string): Promise<PlanChangeResult> {
  assertCan(ctx.role, "ownAccount");
  const provider = requireProvider();
  const db = scoped(ownAccount(ctx));
  const plan = await db.plan.findFirst({ where: { id: planId, isActive: true } });
  if (!plan) throw new ValidationError("Unknown plan: choose one of the plans on the Plans page.", { planId: ["Unknown or retired plan."] });
  if (!plan.stripePriceId) throw new ValidationError(`The ${plan.name} plan cannot be bought online: an administrator assigns it.`, { planId: ["This plan has no Stripe price."] });
  const account = await db.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { planId: true } });
  const subscription = await db.subscription.findFirst({ where: { provider: provider.name, externalId: { not: null }, status: { in: ["active", "trialing", "past_due"] } }, orderBy: { id: "desc" } });
  if (account.planId === plan.id && subscription) throw new ValidationError(`You are already on the ${plan.name} plan.`, { planId: ["This is your current plan."] });

  if (subscription?.externalId) {
    await provider.changeSubscriptionPrice({ subscriptionId: subscription.externalId, priceId: plan.stripePriceId, accountId: ctx.accountId, planId: plan.id });
    return { url: null, changed: true, message: `Switching to ${plan.name}: the change applies as soon as Stripe confirms it (prorated on your next invoice).` };
  }
  const customerId = await ensureCustomer(db, provider, ctx.accountId);
  const session = await provider.createCheckoutSession({
    customerId,
    priceId: plan.stripePriceId,
    accountId: ctx.accountId,
    planId: plan.id,
    successUrl: `${origin}/billing/plans?checkout=success`,
    cancelUrl: `${origin}/billing/plans?checkout=cancelled`,
  });
  return { url: session.url, changed: false, message: `Opening Stripe Checkout for ${plan.name}…` };
}

export async function openBillingPortal(ctx: AppContext, origin: string): Promise<{ url: string }> {
  assertCan(ctx.role, "ownAccount");
  const provider = requireProvider();
  const account = await scoped(ownAccount(ctx)).account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { stripeCustomerId: true } });
  if (!account.stripeCustomerId) throw new ValidationError("You have no billing account with Stripe yet: choose a paid plan first.");
  return provider.createPortalSession({ customerId: account.stripeCustomerId, returnUrl: `${origin}/billing/plans` });
}

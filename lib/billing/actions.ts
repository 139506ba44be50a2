"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { defineAction, withToast } from "@/lib/http/action";
import { appOrigin } from "@/lib/http/origin";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { estimateCost, estimateSchema } from "./estimate";
import { openBillingPortal, startPlanChange } from "./payments/checkout";
import { planChangeSchema } from "./schemas";

export const startPlanChangeAction = defineAction({ schema: planChangeSchema, permission: "ownAccount", revalidate: "/billing" }, async (ctx, { planId }) => {
  const result = await startPlanChange(ctx, planId, appOrigin(await headers()));
  return withToast(result, result.message);
});

export const openBillingPortalAction = defineAction({ schema: z.object({}), permission: "ownAccount" }, async (ctx) => openBillingPortal(ctx, appOrigin(await headers())));

/** The credits a paid AI action will take and the balance after, for its confirmation. */
export const estimateCostAction = defineAction({ schema: estimateSchema, permission: "write" }, async (ctx, input) => estimateCost(scoped(ownAccount(ctx)), ownAccount(ctx), input));

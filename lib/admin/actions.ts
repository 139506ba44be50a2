"use server";

import { z } from "zod";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { createPlanSchema, updatePlanSchema } from "@/lib/plans/schemas";
import { createPlan, retirePlan, updatePlan } from "@/lib/plans/service";
import { importReferenceCsv } from "@/lib/reference/csv";
import { adjustAccountCredits, assignPlan, setAccountStatus } from "./accounts";
import { adjustAccountCreditsSchema, assignPlanSchema, importReferenceSchema, setAccountStatusSchema } from "./schemas";

export const importReferenceAction = defineAction({ schema: importReferenceSchema, permission: "administer", revalidate: "/admin/reference" }, async (_ctx, { kind, file }) => {
  const report = await importReferenceCsv(kind, await file.text());
  return withToast(report, `Imported ${report.created} new and ${report.updated} updated rows${report.invalid.length ? `, ${report.invalid.length} invalid` : ""}.`);
});

export const setAccountStatusAction = defineAction({ schema: setAccountStatusSchema, permission: "administer", revalidate: "/admin" }, async (_ctx, { id, status }) =>
  withToast(await setAccountStatus(id, status), `Account is now ${status}.`),
);

export const assignPlanAction = defineAction({ schema: assignPlanSchema, permission: "administer", revalidate: "/admin" }, async (ctx, { id, planId, grantCredits }) =>
  withToast(await assignPlan(id, planId, { grantCredits, byUserId: ctx.userId }), grantCredits ? "Plan assigned and its credits granted." : "Plan assigned."),
);

export const adjustCreditsAction = defineAction({ schema: adjustAccountCreditsSchema, permission: "administer", revalidate: "/admin" }, async (ctx, { id, ...input }) => {
  const result = await adjustAccountCredits(id, input, { id: ctx.userId, email: ctx.user?.email });
  const verb = input.amount > 0 ? `Added ${input.amount.toLocaleString("en-US")}` : `Removed ${(-input.amount).toLocaleString("en-US")}`;
  return withToast(result, `${verb} credits. New balance: ${result.balance.toLocaleString("en-US")}.`);
});

export const createPlanAction = defineAction({ schema: createPlanSchema, permission: "administer", revalidate: "/admin/plans" }, async (ctx, input) =>
  withToast(await createPlan(ctx, input), `Plan “${input.name}” created.`),
);

export const updatePlanAction = defineAction({ schema: updatePlanSchema.extend({ id: idSchema }), permission: "administer", revalidate: "/admin/plans" }, async (ctx, { id, ...input }) =>
  withToast(await updatePlan(ctx, id, input), "Plan saved."),
);

export const retirePlanAction = defineAction({ schema: z.object({ id: idSchema }), permission: "administer", revalidate: "/admin/plans" }, async (ctx, { id }) =>
  withToast(await retirePlan(ctx, id), "Plan retired: existing accounts keep it, nobody new can choose it."),
);

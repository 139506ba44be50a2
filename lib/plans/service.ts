// Plans: the public comparison list, and the developer tools to create, edit and retire them.
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { rootDb } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { CreatePlanInput, UpdatePlanInput } from "./schemas";

const toDto = <P extends { price: { toNumber(): number } | number }>(plan: P) => ({ ...plan, price: typeof plan.price === "number" ? plan.price : plan.price.toNumber() });

/** Active plans for the comparison page, cheapest first. */
export async function listActivePlans(db: ScopedDb) {
  return (await db.plan.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { price: "asc" }] })).map(toDto);
}

export async function listAllPlans(ctx: AppContext) {
  assertCan(ctx.role, "administer");
  const plans = await rootDb().plan.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { _count: { select: { accounts: true } } } });
  return plans.map(({ _count, ...p }) => ({ ...toDto(p), accounts: _count.accounts }));
}

export async function createPlan(ctx: AppContext, input: CreatePlanInput) {
  assertCan(ctx.role, "administer");
  try {
    return toDto(await rootDb().plan.create({ data: input }));
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("A plan with this slug exists.", { slug: ["Slug taken."] });
    throw error;
  }
}

export async function updatePlan(ctx: AppContext, id: number, input: UpdatePlanInput) {
  assertCan(ctx.role, "administer");
  const plan = await rootDb().plan.findUnique({ where: { id } });
  if (!plan) throw new NotFoundError("Plan");
  if (input.isActive === false && (input.isDefault ?? plan.isDefault)) throw new ValidationError("The default plan for sign-ups cannot be retired. Make another plan the default first.");
  return rootDb().$transaction(async (tx) => {
    if (input.isDefault) await tx.plan.updateMany({ where: { isDefault: true, NOT: { id } }, data: { isDefault: false } });
    return toDto(await tx.plan.update({ where: { id }, data: input }));
  });
}

/** Retired plans stay on the accounts that have them, but no one can choose them any more. */
export async function retirePlan(ctx: AppContext, id: number) {
  return updatePlan(ctx, id, { isActive: false });
}

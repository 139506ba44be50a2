// Prompts per account: every type with its default, the override (if any) and its variables.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { ScopedDb } from "@/lib/db/scoped";
import { PROMPT_FUNCTIONS, PROMPT_TYPES, PROMPTS, type PromptType } from "@/lib/ai/prompts";

export type PromptDto = {
  promptType: PromptType;
  /** The AI function this prompt serves. */
  functionName: string;
  label: string;
  description: string;
  variables: Record<string, string>;
  value: string;
  defaultValue: string;
  isCustom: boolean;
  updatedAt: Date | null;
};

export async function listPrompts(db: ScopedDb): Promise<PromptDto[]> {
  const overrides = await db.aIPrompt.findMany();
  return PROMPT_TYPES.map((type) => {
    const override = overrides.find((o) => o.promptType === type);
    const def = PROMPTS[type];
    return { promptType: type, functionName: override?.functionName || PROMPT_FUNCTIONS[type], label: def.label, description: def.description, variables: def.variables, value: override?.value ?? def.defaultValue, defaultValue: def.defaultValue, isCustom: Boolean(override), updatedAt: override?.updatedAt ?? null };
  });
}

async function one(db: ScopedDb, type: PromptType) {
  return (await listPrompts(db)).find((p) => p.promptType === type)!;
}

/** Saving the default text removes the override, so later improvements to defaults reach the account. */
export async function savePrompt(db: ScopedDb, ctx: TenantContext, type: PromptType, value: string): Promise<PromptDto> {
  assertCan(ctx.role, "manageAccount");
  if (value.trim() === PROMPTS[type].defaultValue.trim()) return resetPrompt(db, ctx, type);
  await db.aIPrompt.upsert({
    where: { accountId_promptType: { accountId: ctx.accountId, promptType: type } },
    create: { accountId: ctx.accountId, promptType: type, functionName: PROMPT_FUNCTIONS[type], value },
    update: { value, functionName: PROMPT_FUNCTIONS[type] },
  });
  return one(db, type);
}

export async function resetPrompt(db: ScopedDb, ctx: TenantContext, type: PromptType): Promise<PromptDto> {
  assertCan(ctx.role, "manageAccount");
  await db.aIPrompt.deleteMany({ where: { promptType: type } });
  return one(db, type);
}

// Prompt templates per account: the override when there is one, else the default in code.
import type { ScopedDb } from "@/lib/db/scoped";
import { PROMPTS, type PromptType } from "./prompts";

export async function getPromptTemplate(db: ScopedDb, type: PromptType): Promise<string> {
  const override = await db.aIPrompt.findFirst({ where: { promptType: type }, select: { value: true } });
  return override?.value ?? PROMPTS[type].defaultValue;
}

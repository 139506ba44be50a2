import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { savePrompt } from "@/lib/settings/prompts";
import { resetPromptSchema, savePromptSchema } from "@/lib/settings/schemas";
import { promptResponse } from "@/lib/settings/responses";

const body = savePromptSchema.pick({ value: true }).strict();

export const PUT = apiRoute({ summary: "Save a custom prompt", response: promptResponse, auth: "user", permission: "manageAccount", body }, async ({ ctx, params, body }) => {
  const { promptType } = parseInput(resetPromptSchema, { promptType: params.type });
  return savePrompt(scoped(ownAccount(ctx)), ctx, promptType, body.value);
});

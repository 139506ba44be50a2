import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { resetPrompt } from "@/lib/settings/prompts";
import { resetPromptSchema } from "@/lib/settings/schemas";
import { promptResponse } from "@/lib/settings/responses";

export const POST = apiRoute({ summary: "Reset a prompt to its default", response: promptResponse, auth: "user", permission: "manageAccount", body: resetPromptSchema.strict() }, async ({ ctx, body }) => resetPrompt(scoped(ownAccount(ctx)), ctx, body.promptType));

import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { resetPrompt } from "@/lib/settings/prompts";
import { resetPromptSchema } from "@/lib/settings/schemas";

export const POST = apiRoute({ auth: "user", permission: "manageAccount", body: resetPromptSchema.strict() }, async ({ ctx, body }) => resetPrompt(scoped(ownAccount(ctx)), ctx, body.promptType));

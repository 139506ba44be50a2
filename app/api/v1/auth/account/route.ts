import { scoped } from "@/lib/db/scoped";
import { getAccountSettings, updateAccount } from "@/lib/accounts/service";
import { updateAccountSchema } from "@/lib/accounts/schemas";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => getAccountSettings(scoped(ctx), ctx));

export const PATCH = apiRoute({ auth: "user", body: updateAccountSchema }, async ({ ctx, body }) => updateAccount(scoped(ctx), ctx, body));

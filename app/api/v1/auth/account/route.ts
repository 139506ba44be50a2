import { scoped } from "@/lib/db/scoped";
import { getAccountSettings, updateAccount } from "@/lib/accounts/service";
import { updateAccountSchema } from "@/lib/accounts/schemas";
import { apiRoute } from "@/lib/http/route";
import { accountSettingsResponse } from "@/lib/auth/responses";

export const GET = apiRoute({ summary: "The caller's account", response: accountSettingsResponse, auth: "user" }, async ({ ctx }) => getAccountSettings(scoped(ctx), ctx));

export const PATCH = apiRoute({ summary: "Rename the account", response: accountSettingsResponse, auth: "user", body: updateAccountSchema }, async ({ ctx, body }) => updateAccount(scoped(ctx), ctx, body));

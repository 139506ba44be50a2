import { scoped } from "@/lib/db/scoped";
import { transferOwnership } from "@/lib/accounts/service";
import { transferOwnershipSchema } from "@/lib/accounts/schemas";
import { apiRoute } from "@/lib/http/route";
import { accountSettingsResponse } from "@/lib/auth/responses";

export const POST = apiRoute({ summary: "Transfer ownership to another member (owner)", response: accountSettingsResponse, auth: "user", body: transferOwnershipSchema }, async ({ ctx, body }) => transferOwnership(scoped(ctx), ctx, body.userId));

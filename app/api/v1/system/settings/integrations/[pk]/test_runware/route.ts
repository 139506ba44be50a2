import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { testConnection } from "@/lib/settings/connection";
import { providerTestResponse } from "@/lib/settings/responses";
import { integrationTypeSchema } from "@/lib/settings/schemas";

export const POST = apiRoute({ summary: "Test the Runware connection", response: providerTestResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => {
  // Any of the account's integrations may carry the action; it always tests Runware.
  parseInput(integrationTypeSchema, params.pk);
  return testConnection(scoped(ownAccount(ctx)), ctx, "runware");
});

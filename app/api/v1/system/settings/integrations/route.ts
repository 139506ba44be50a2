import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listIntegrations } from "@/lib/settings/integrations";

export const GET = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx }) => listIntegrations(scoped(ownAccount(ctx))));

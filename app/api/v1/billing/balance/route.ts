import { getBalanceSummary } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => getBalanceSummary(scoped(ownAccount(ctx)), ownAccount(ctx)));

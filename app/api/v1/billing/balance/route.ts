import { getBalanceSummary } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";
import { balanceResponse } from "@/lib/billing/responses";

export const GET = apiRoute({ summary: "Credit balance, this month and the subscription", response: balanceResponse, auth: "user" }, async ({ ctx }) => getBalanceSummary(scoped(ownAccount(ctx)), ownAccount(ctx)));

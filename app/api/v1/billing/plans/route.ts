import { getPlansOverview } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";
import { plansOverviewResponse } from "@/lib/billing/responses";

export const GET = apiRoute({ summary: "Plans the account can choose", response: plansOverviewResponse, auth: "user" }, async ({ ctx }) => getPlansOverview(scoped(ownAccount(ctx)), ownAccount(ctx)));

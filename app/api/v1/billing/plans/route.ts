import { getPlansOverview } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => getPlansOverview(scoped(ownAccount(ctx)), ownAccount(ctx)));

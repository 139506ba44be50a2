import { assertValidId } from "@/lib/auth/service";
import { getTransaction } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => getTransaction(scoped(ownAccount(ctx)), assertValidId(params.id)));

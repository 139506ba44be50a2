import { assertValidId } from "@/lib/auth/service";
import { getTransaction } from "@/lib/billing/transactions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";
import { transactionResource, transactionResponse } from "@/lib/billing/responses";

export const GET = apiRoute({ summary: "Get a credit transaction", response: transactionResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) =>
  transactionResource(await getTransaction(scoped(ownAccount(ctx)), assertValidId(params.id))),
);

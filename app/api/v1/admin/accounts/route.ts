import { listAccounts } from "@/lib/admin/accounts";
import { adminAccountsQuerySchema } from "@/lib/admin/schemas";
import { apiRoute, paginated } from "@/lib/http/route";
import { adminAccountResponse } from "@/lib/admin/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List all accounts with usage (developers)", response: listOf(adminAccountResponse), auth: "user", permission: "administer", query: adminAccountsQuerySchema }, async ({ query }) => paginated(await listAccounts(query), query));

import { listAccounts } from "@/lib/admin/accounts";
import { adminAccountsQuerySchema } from "@/lib/admin/schemas";
import { apiRoute, paginated } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user", permission: "administer", query: adminAccountsQuerySchema }, async ({ query }) => paginated(await listAccounts(query), query));

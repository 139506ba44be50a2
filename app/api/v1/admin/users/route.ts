import { listAllUsers } from "@/lib/admin/accounts";
import { adminUsersQuerySchema } from "@/lib/admin/schemas";
import { apiRoute, paginated } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user", permission: "administer", query: adminUsersQuerySchema }, async ({ query }) => paginated(await listAllUsers(query), query));

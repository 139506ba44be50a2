import { listAllUsers } from "@/lib/admin/accounts";
import { adminUsersQuerySchema } from "@/lib/admin/schemas";
import { apiRoute, paginated } from "@/lib/http/route";
import { adminUserResponse } from "@/lib/admin/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List users of every account (developers)", response: listOf(adminUserResponse), auth: "user", permission: "administer", query: adminUsersQuerySchema }, async ({ query }) => paginated(await listAllUsers(query), query));

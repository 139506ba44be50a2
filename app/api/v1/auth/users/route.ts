import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listMembersQuerySchema } from "@/lib/team/schemas";
import { listMembers } from "@/lib/team/service";
import { memberResponse } from "@/lib/auth/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List members of the account", response: listOf(memberResponse), auth: "user", query: listMembersQuerySchema }, async ({ ctx, query }) =>
  paginated(await listMembers(scoped(ctx), ctx, query), query),
);

import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listMembersQuerySchema } from "@/lib/team/schemas";
import { listMembers } from "@/lib/team/service";

export const GET = apiRoute({ auth: "user", query: listMembersQuerySchema }, async ({ ctx, query }) =>
  paginated(await listMembers(scoped(ctx), ctx, query), query),
);

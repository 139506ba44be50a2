import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { inviteMemberSchema } from "@/lib/team/schemas";
import { inviteMember, listPendingInvitations } from "@/lib/team/service";

export const GET = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx }) => listPendingInvitations(scoped(ctx), ctx));

export const POST = apiRoute({ auth: "user", body: inviteMemberSchema, status: 201 }, async ({ ctx, body }) => inviteMember(scoped(ctx), ctx, body));

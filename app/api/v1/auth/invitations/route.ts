import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { inviteMemberSchema } from "@/lib/team/schemas";
import { inviteMember, listPendingInvitations } from "@/lib/team/service";
import { invitationCreatedResponse, invitationResponse } from "@/lib/auth/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List pending invitations", response: listOf(invitationResponse), auth: "user", permission: "manageAccount", query: pageQuerySchema }, async ({ ctx, query }) =>
  paginated(pageOf(await listPendingInvitations(scoped(ctx), ctx), query), query),
);

export const POST = apiRoute({ summary: "Invite a member by email", response: invitationCreatedResponse, auth: "user", body: inviteMemberSchema, status: 201 }, async ({ ctx, body }) => inviteMember(scoped(ctx), ctx, body));

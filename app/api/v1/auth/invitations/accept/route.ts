import { apiRoute } from "@/lib/http/route";
import { acceptInvitationSchema } from "@/lib/team/schemas";
import { acceptInvitation } from "@/lib/team/service";
import { acceptedInvitationResponse } from "@/lib/auth/responses";

export const POST = apiRoute({ summary: "Accept an invitation: creates the user", response: acceptedInvitationResponse, auth: "public", body: acceptInvitationSchema, status: 201 }, async ({ body }) => acceptInvitation(body));

import { apiRoute } from "@/lib/http/route";
import { acceptInvitationSchema } from "@/lib/team/schemas";
import { acceptInvitation } from "@/lib/team/service";

export const POST = apiRoute({ auth: "public", body: acceptInvitationSchema, status: 201 }, async ({ body }) => acceptInvitation(body));

import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { revokeInvitation } from "@/lib/team/service";
import { z } from "zod";

export const DELETE = apiRoute({ summary: "Revoke a pending invitation", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await revokeInvitation(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

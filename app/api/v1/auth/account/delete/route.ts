import { scoped } from "@/lib/db/scoped";
import { deleteAccount } from "@/lib/accounts/service";
import { deleteAccountSchema } from "@/lib/accounts/schemas";
import { apiRoute, withMessage } from "@/lib/http/route";
import { z } from "zod";

export const POST = apiRoute({ summary: "Delete the account and all its data (owner)", response: z.null(), auth: "user", body: deleteAccountSchema }, async ({ ctx, body }) => {
  await deleteAccount(scoped(ctx), ctx, body);
  return withMessage(null, "The account and all its data were deleted.");
});

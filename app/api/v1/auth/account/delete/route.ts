import { scoped } from "@/lib/db/scoped";
import { deleteAccount } from "@/lib/accounts/service";
import { deleteAccountSchema } from "@/lib/accounts/schemas";
import { apiRoute, withMessage } from "@/lib/http/route";

export const POST = apiRoute({ auth: "user", body: deleteAccountSchema }, async ({ ctx, body }) => {
  await deleteAccount(scoped(ctx), ctx, body);
  return withMessage(null, "The account and all its data were deleted.");
});

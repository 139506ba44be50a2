import { z } from "zod";
import { confirmPasswordReset } from "@/lib/auth/password-reset";
import { passwordResetConfirmSchema } from "@/lib/auth/schemas";
import { apiRoute, withMessage } from "@/lib/http/route";

/** Sets the new password; signs out every session and revokes every API token of the user. */
export const POST = apiRoute(
  { summary: "Set a new password with a reset link's token", response: z.null(), errors: [404], auth: "public", body: passwordResetConfirmSchema },
  async ({ body }) => {
    await confirmPasswordReset(body);
    return withMessage(null, "Your password was changed. Sign in with the new one.");
  },
);

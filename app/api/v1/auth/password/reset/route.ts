import { z } from "zod";
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from "@/lib/auth/password-reset";
import { passwordResetRequestSchema } from "@/lib/auth/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { appOrigin } from "@/lib/http/origin";
import { apiRoute, withMessage } from "@/lib/http/route";

/** Always the same 200, whether the address has an account or not. */
export const POST = apiRoute(
  { summary: "Email a password reset link", response: z.null(), errors: [429], auth: "public", body: passwordResetRequestSchema },
  async ({ body, request }) => {
    await requestPasswordReset(body.email, clientIp(request.headers), appOrigin(request.headers, request.nextUrl.origin));
    return withMessage(null, RESET_REQUESTED_MESSAGE);
  },
);

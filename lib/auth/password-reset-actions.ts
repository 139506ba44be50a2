"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { appOrigin } from "@/lib/http/origin";
import { defineAction, withToast } from "@/lib/http/action";
import { confirmPasswordReset, RESET_REQUESTED_MESSAGE, requestPasswordReset } from "./password-reset";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "./schemas";

export const requestPasswordResetAction = defineAction({ schema: passwordResetRequestSchema, public: true }, async (_ctx, input) => {
  const incoming = await headers();
  await requestPasswordReset(input.email, clientIp(incoming), appOrigin(incoming));
  return withToast({ sent: true }, RESET_REQUESTED_MESSAGE);
});

export const confirmPasswordResetAction = defineAction({ schema: passwordResetConfirmSchema, public: true }, async (_ctx, input) => {
  await confirmPasswordReset(input);
  return withToast({ done: true }, "Your password was changed. Sign in with the new one.");
});

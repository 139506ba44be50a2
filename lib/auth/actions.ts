"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { UnauthorizedError } from "@/lib/errors";
import { defineAction } from "@/lib/http/action";
import { signIn, signInErrorMessage, signOut } from "./auth";
import { credentialsSchema, registerSchema } from "./schemas";
import { registerAccount } from "./service";

function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

const signInSchema = credentialsSchema.extend({ callbackUrl: z.string().max(500).optional() });

export const signInAction = defineAction({ schema: signInSchema, public: true }, async (_ctx, input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallback(input.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      throw new UnauthorizedError(signInErrorMessage(code));
    }
    throw error;
  }
});

export const signUpAction = defineAction({ schema: registerSchema, public: true }, async (_ctx, input) => {
  await registerAccount(input);
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/sites?welcome=1" });
});

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

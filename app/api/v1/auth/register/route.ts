import { registerAccount } from "@/lib/auth/service";
import { registerSchema } from "@/lib/auth/schemas";
import { apiRoute } from "@/lib/http/route";
import { hitRateLimit } from "@/lib/rate-limit/service";
import { clientIp } from "@/lib/http/client-ip";
import { registerResponse } from "@/lib/auth/responses";

export const POST = apiRoute({ summary: "Sign up: a new account with its owner", response: registerResponse, auth: "public", body: registerSchema, status: 201 }, async ({ body, request }) => {
  await hitRateLimit({ key: `register:${clientIp(request.headers)}`, limit: 20, windowSeconds: 3600, message: "Too many sign-ups from this address. Try again later." });
  return registerAccount(body);
});

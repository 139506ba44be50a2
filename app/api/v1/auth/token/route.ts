import { authenticate } from "@/lib/auth/service";
import { credentialsSchema } from "@/lib/auth/schemas";
import { API_TOKEN_TTL_SECONDS, issueApiToken } from "@/lib/auth/tokens";
import { clientIp } from "@/lib/http/client-ip";
import { apiRoute } from "@/lib/http/route";
import { tokenResponse } from "@/lib/auth/responses";

export const POST = apiRoute({ summary: "Exchange email and password for a bearer token", response: tokenResponse, auth: "public", body: credentialsSchema }, async ({ body, request }) => {
  const user = await authenticate(body, clientIp(request.headers));
  const { token, expiresAt } = await issueApiToken(user.id);
  return { accessToken: token, tokenType: "Bearer", expiresIn: API_TOKEN_TTL_SECONDS, expiresAt, user };
});

// The caller's context when there is one (session cookie or bearer token), else null: for
// responses that are public or private depending on the resource (e.g. /media files).
import { loadContext, type AppContext } from "@/lib/auth/service";
import { sessionFromRequest } from "@/lib/auth/session-token";
import { verifyApiTokenClaims } from "@/lib/auth/tokens";
import { isAppError } from "@/lib/errors";

export async function optionalViewer(headers: Headers): Promise<AppContext | null> {
  try {
    const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const credential = bearer ? await verifyApiTokenClaims(bearer) : await sessionFromRequest(headers);
    return credential ? await loadContext(credential.userId, {}, credential.issuedAt) : null;
  } catch (error) {
    if (isAppError(error)) return null; // expired token, suspended account…: treated as anonymous
    throw error;
  }
}

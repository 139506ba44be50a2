// Reads the next-auth session cookie of a request directly (route handlers), so REST calls from
// the browser are authenticated the same way as pages without depending on request-scoped APIs.
import { env } from "@/lib/config/env";
import { getToken } from "next-auth/jwt";

export async function userIdFromSession(headers: Headers): Promise<number | null> {
  return (await sessionFromRequest(headers))?.userId ?? null;
}

/** The session's user and when they signed in (a password reset refuses older sessions). */
export async function sessionFromRequest(headers: Headers): Promise<{ userId: number; issuedAt?: Date } | null> {
  const secret = env.AUTH_SECRET;
  if (!secret || !headers.get("cookie")) return null;
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: { headers }, secret, secureCookie });
    const uid = Number(token?.uid);
    if (Number.isInteger(uid) && uid > 0) return { userId: uid, issuedAt: signedInAt(token) };
  }
  return null;
}

/** Sign-in time of a session token: our own claim (next-auth renews `iat` as the session rolls). */
export function signedInAt(token: { signedInAt?: unknown; iat?: unknown } | null): Date | undefined {
  const seconds = Number(token?.signedInAt ?? token?.iat);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

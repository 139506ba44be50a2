// Reads the next-auth session cookie of a request directly (route handlers), so REST calls from
// the browser are authenticated the same way as pages without depending on request-scoped APIs.
import { env } from "@/lib/config/env";
import { getToken } from "next-auth/jwt";

export async function userIdFromSession(headers: Headers): Promise<number | null> {
  const secret = env.AUTH_SECRET;
  if (!secret || !headers.get("cookie")) return null;
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: { headers }, secret, secureCookie });
    const uid = Number(token?.uid);
    if (Number.isInteger(uid) && uid > 0) return uid;
  }
  return null;
}

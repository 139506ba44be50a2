// Signed bearer tokens for API clients (POST /api/v1/auth/token/). HS256 with a key derived from
// AUTH_SECRET, distinct from the one next-auth uses for sessions.
import { env } from "@/lib/config/env";
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { UnauthorizedError } from "@/lib/errors";

export const API_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const AUDIENCE = "api";
const CLOCK_TOLERANCE_SECONDS = 60;

function key(): Uint8Array {
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set.");
  return createHash("sha256").update(`api-token:${secret}`).digest();
}

export async function issueApiToken(userId: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + API_TOKEN_TTL_SECONDS * 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(userId))
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, expiresAt };
}

/**
 * Returns the user id, or throws 401 for a bad, tampered or expired token, and for one that does
 * not say when it was issued and when it expires, or claims a lifetime over API_TOKEN_TTL_SECONDS
 * (a token signed with the secret by other means must not live for ever).
 */
export async function verifyApiToken(token: string): Promise<number> {
  return (await verifyApiTokenClaims(token)).userId;
}

/** The user id and when the token was issued (a password reset refuses older tokens). */
export async function verifyApiTokenClaims(token: string): Promise<{ userId: number; issuedAt?: Date }> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "iat", "sub"],
      maxTokenAge: API_TOKEN_TTL_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (payload.exp! - payload.iat! > API_TOKEN_TTL_SECONDS) throw new Error("lifetime too long");
    if (payload.iat! > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error("issued in the future");
    const userId = Number(payload.sub);
    if (!Number.isInteger(userId) || userId <= 0) throw new Error("bad subject");
    return { userId, issuedAt: payload.iat ? new Date(payload.iat * 1000) : undefined };
  } catch {
    throw new UnauthorizedError("The token is invalid or has expired. Request a new one at /api/v1/auth/token/.");
  }
}

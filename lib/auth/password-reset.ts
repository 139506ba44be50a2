// Password reset: a single-use link valid for one hour, emailed through the mailer. Only the
// token's SHA-256 is stored. Asking always answers the same way, whether the address has an
// account or not (no enumeration); asking is throttled per client address and per email.
// One of the named places that use the unscoped client (no tenant is known before sign-in).
import { createHash, randomBytes } from "node:crypto";
import { rootDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/mailer";
import { hitRateLimit, incrementBucket } from "@/lib/rate-limit/service";
import { hashPassword } from "./password";
import type { PasswordResetConfirmInput } from "./schemas";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Per address: answers 429 past it (the same for every email, so it reveals nothing). */
export const RESET_LIMIT_PER_IP = { limit: 20, windowSeconds: 60 * 60 };
/** Per email: further requests answer as usual but send nothing (no mail bombing). */
export const RESET_LIMIT_PER_EMAIL = { limit: 3, windowSeconds: 60 * 60 };

export const RESET_REQUESTED_MESSAGE = "If an account uses this address, we have sent it a link to reset the password. The link works for one hour.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestPasswordReset(email: string, clientIp: string, appUrl: string): Promise<void> {
  await hitRateLimit({ key: `pwreset:ip:${clientIp}`, ...RESET_LIMIT_PER_IP, message: "Too many password reset requests from this address. Try again later." });
  if ((await incrementBucket(`pwreset:email:${email}`, RESET_LIMIT_PER_EMAIL.windowSeconds)) > RESET_LIMIT_PER_EMAIL.limit) return;
  const user = await rootDb().user.findUnique({ where: { email }, select: { id: true, accountId: true, name: true, isActive: true } });
  if (!user?.isActive) return;
  const token = randomBytes(32).toString("base64url");
  await rootDb().passwordResetToken.create({ data: { accountId: user.accountId, userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) } });
  const link = `${appUrl}/reset-password/${token}`;
  try {
    await sendMail({
      to: email,
      subject: "Reset your Content Studio password",
      text: `Hello ${user.name || ""},\n\nSomeone (hopefully you) asked to reset the password of your Content Studio account.\nOpen this link within one hour to choose a new one:\n\n${link}\n\nIf you did not ask, ignore this message: your password stays as it is.\n`,
    });
  } catch (error) {
    // The answer must not differ from an unknown address's: log it for the operator instead.
    log.error("password reset mail failed", { error });
  }
}

/** Whether a reset link can still be used (the page checks before showing the form). */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  const row = await rootDb().passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

/** Sets the new password, burns the token (and the user's other open links) and revokes every session and API token. */
export async function confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
  const db = rootDb();
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  // Whole seconds: JWTs carry seconds, and a sign-in right after the reset must stay valid.
  const validAfter = new Date(Math.floor(now.getTime() / 1000) * 1000);
  await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashToken(input.token) } });
    const claimed = row && row.expiresAt > now ? await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } }) : { count: 0 };
    if (!row || !claimed.count) throw new NotFoundError("Reset link (it may have expired or been used)");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionsValidAfter: validAfter } });
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  });
}

// next-auth (v5): credentials sign-in, JWT sessions carrying user, account and role.
import { env } from "@/lib/config/env";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { authenticate } from "./service";
import { credentialsSchema } from "./schemas";

/** Reasons a sign-in is refused; the code travels to the sign-in form, which shows the message. */
export const SIGN_IN_MESSAGES = {
  invalid_credentials: "Email or password is incorrect.",
  rate_limited: "Too many sign-in attempts. Wait 15 minutes and try again.",
  account_refused: "This account cannot sign in.",
} as const;

class SignInRefused extends CredentialsSignin {
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    accountId?: number;
    role?: string;
  }
  interface Session {
    uid: number;
    accountId: number;
    role: string;
    /** Seconds since the epoch: sessions older than a password reset are refused. */
    signedInAt: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(JSON.stringify({ level: "error", msg: "auth error", error: error.message }));
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid_credentials", SIGN_IN_MESSAGES.invalid_credentials);
        const ip = request?.headers ? clientIp(request.headers) : "unknown";
        try {
          const user = await authenticate(parsed.data, ip);
          return { id: String(user.id), email: user.email, name: user.name, accountId: user.accountId, role: user.role };
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.code === "rate_limited") throw new SignInRefused("rate_limited", error.message);
          if (error.code === "forbidden") throw new SignInRefused(`refused:${encodeURIComponent(error.message)}`, error.message);
          throw new SignInRefused("invalid_credentials", SIGN_IN_MESSAGES.invalid_credentials);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.signedInAt = Math.floor(Date.now() / 1000);
        token.uid = Number(user.id);
        token.accountId = user.accountId;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = Number(token.uid);
      session.accountId = Number(token.accountId);
      session.role = String(token.role);
      session.signedInAt = Number(token.signedInAt ?? token.iat);
      return session;
    },
  },
}));

export function signInErrorMessage(code: string | undefined): string {
  if (!code) return SIGN_IN_MESSAGES.invalid_credentials;
  if (code.startsWith("refused:")) return decodeURIComponent(code.slice("refused:".length));
  return SIGN_IN_MESSAGES[code as keyof typeof SIGN_IN_MESSAGES] ?? SIGN_IN_MESSAGES.invalid_credentials;
}

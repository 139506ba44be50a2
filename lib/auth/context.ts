// The request context for server components and server actions (browser sessions). Built once
// per request (React cache) from the next-auth session and the site/sector the user selected.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { isAppError, UnauthorizedError } from "@/lib/errors";
import { loadContext, type AppContext } from "./service";

export const SITE_COOKIE = "scs_site";
export const SECTOR_COOKIE = "scs_sector";

function cookieId(value: string | undefined): number | undefined {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** The caller's context, or throws UnauthorizedError/ForbiddenError. */
export const getAppContext = cache(async (): Promise<AppContext> => {
  const session = await auth();
  if (!session?.uid) throw new UnauthorizedError();
  const jar = await cookies();
  const signedInAt = session.signedInAt > 0 ? new Date(session.signedInAt * 1000) : undefined;
  return loadContext(session.uid, { siteId: cookieId(jar.get(SITE_COOKIE)?.value), sectorId: cookieId(jar.get(SECTOR_COOKIE)?.value) }, signedInAt);
});

/** For pages: redirects to sign-in when there is no usable session (or the account is locked). */
export async function requirePageContext(): Promise<AppContext> {
  try {
    return await getAppContext();
  } catch (error) {
    if (isAppError(error) && (error.status === 401 || error.status === 403)) {
      redirect(`/sign-in?error=${encodeURIComponent(error.message)}`);
    }
    throw error;
  }
}

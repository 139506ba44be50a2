// Site API keys authenticate the WordPress bridge. Shown once, stored as a SHA-256 hash (the
// key is 256 random bits, so a fast hash is enough), found by a public prefix and compared in
// constant time. Rotation replaces the hash, so the old key stops working at once.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { rootDb } from "@/lib/db/client";
import { assertAccountUsable, type AppContext } from "@/lib/auth/service";
import { UnauthorizedError } from "@/lib/errors";

const KEY_PATTERN = /^sck_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

function sha256(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

export function newSiteApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex");
  const key = `sck_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: sha256(key).toString("hex") };
}

export function isSiteApiKey(token: string): boolean {
  return token.startsWith("sck_");
}

/** The context of a bridge request: the key's site and nothing else. */
export async function contextForSiteKey(token: string): Promise<AppContext> {
  const refused = new UnauthorizedError("Invalid or revoked site API key.");
  const match = token.match(KEY_PATTERN);
  if (!match) throw refused;
  const site = await rootDb().site.findUnique({
    where: { apiKeyPrefix: match[1] },
    include: { account: { include: { plan: true } } },
  });
  const expected = site?.apiKeyHash ? Buffer.from(site.apiKeyHash, "hex") : sha256("no-key");
  const matches = timingSafeEqual(sha256(token), expected) && Boolean(site?.apiKeyHash);
  if (!site || !matches) throw refused;
  assertAccountUsable(site.account, site.account.plan);
  if (!site.isActive) throw new UnauthorizedError("This site is inactive.");
  const { account } = site;
  return {
    userId: null,
    accountId: site.accountId,
    role: "system_bot",
    crossAccount: false,
    siteAccess: [site.id],
    siteId: site.id,
    user: null,
    account: { id: account.id, name: account.name, slug: account.slug, status: account.status, isSystem: account.isSystem, planId: account.planId },
  };
}

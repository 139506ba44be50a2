// Secrets the app needs. In production with an external database they must come from the
// environment; otherwise (zero-config) they are generated once and kept under .data/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, setEnv } from "./env";
import { DATA_DIR } from "./paths";

export const REQUIRED_SECRETS = ["AUTH_SECRET", "ENCRYPTION_KEY"] as const;

export function isStrictProduction(): boolean {
  return env.NODE_ENV === "production" && Boolean(env.DATABASE_URL);
}

/** Fills missing secrets into the environment, or throws with a clear message in production. */
export function ensureSecrets(): void {
  const missing = REQUIRED_SECRETS.filter((name) => !env[name]);
  if (missing.length === 0) return;
  if (isStrictProduction()) {
    throw new Error(
      `Missing required secret(s): ${missing.join(", ")}. In production (NODE_ENV=production with DATABASE_URL) ` +
        `set them in the environment, e.g. \`openssl rand -base64 32\` for each. See the README's configuration table.`,
    );
  }
  const file = path.join(DATA_DIR, "secrets.json");
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64");
      changed = true;
    }
    setEnv(name, stored[name]);
  }
  if (changed) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}

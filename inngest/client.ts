import { env } from "@/lib/config/env";
import { Inngest } from "inngest";
import { log } from "@/lib/log";
import { usesInngestServer } from "@/lib/jobs/mode";

export const INNGEST_APP_ID = "content-studio";

// Dev mode accepts unsigned requests: outside production only, with INNGEST_DEV for a local dev
// server (and in tests, where @inngest/test drives the functions without any server).
const isDev = !usesInngestServer() || (Boolean(env.INNGEST_DEV) && env.NODE_ENV !== "production");

const text = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(" ");

/** The SDK's messages go to our structured log (a failed step is expected, not an outage). */
const logger = {
  info: (...args: unknown[]) => log.debug(text(args), { source: "inngest" }),
  debug: (...args: unknown[]) => log.debug(text(args), { source: "inngest" }),
  warn: (...args: unknown[]) => log.warn(text(args), { source: "inngest" }),
  error: (...args: unknown[]) => log.warn(text(args), { source: "inngest" }),
};

export const inngest = new Inngest({ id: INNGEST_APP_ID, isDev, logger });

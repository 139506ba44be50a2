// The one place that reads the environment. Every variable the app understands is declared here
// with its zod schema, default and purpose; the rest of the code reads typed values from `env`.
// Values are read on access (the bootstrap sets DATABASE_URL and secrets at start-up, tests change
// variables between cases), and `validateEnv()` checks them all at start-up so a bad value stops
// the app with a message naming the variable.
import { z } from "zod";

type Variable<T extends z.ZodType = z.ZodType> = {
  schema: T;
  /** What the README's configuration table says about the default. */
  default: string;
  purpose: string;
};

const text = z.string().trim().min(1);
const url = z.url({ message: "an absolute URL, e.g. https://example.com" });
const positiveInt = (fallback: number) => z.coerce.number({ message: "a whole number" }).int("a whole number").positive("a number above 0").default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number({ message: "a whole number" }).int("a whole number").min(0, "0 or more").default(fallback);
const flag = z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { message: "1/0, true/false, yes/no or on/off" }).transform((v) => ["1", "true", "yes", "on"].includes(v));
const port = z.coerce.number({ message: "a port number" }).int().min(1, "a port from 1 to 65535").max(65_535, "a port from 1 to 65535");

function variable<T extends z.ZodType>(schema: T, defaultText: string, purpose: string): Variable<T> {
  return { schema, default: defaultText, purpose };
}

/** Every variable, in the order of the README's configuration table. */
export const ENV_VARIABLES = {
  DATABASE_URL: variable(url.optional(), "embedded PostgreSQL under `.data/pg`", "PostgreSQL connection string"),
  DATABASE_POOL_SIZE: variable(positiveInt(10), "`10`", "connections per app process; transactions beyond `DATABASE_POOL_SIZE - 2` at once wait their turn in the process instead of timing out"),
  DATABASE_TRANSACTION_TIMEOUT_MS: variable(positiveInt(10_000), "`10000`", "longest an AI item's save-and-charge transaction may run; past it, it rolls back (nothing saved, nothing charged) and the item is tried again"),
  EMBEDDED_PG_PORT: variable(port.default(54329), "`54329` (next free port)", "port of the embedded PostgreSQL"),
  APP_DATA_DIR: variable(text.optional(), "`.data`", "where zero-config state lives (embedded database, secrets, uploaded files)"),
  NODE_ENV: variable(z.enum(["development", "production", "test"]).default("development"), "`development`", "`production` with `DATABASE_URL` requires the secrets below"),
  AUTH_SECRET: variable(text.optional(), "generated into `.data/secrets.json`", "signs sessions (next-auth) and API bearer tokens"),
  ENCRYPTION_KEY: variable(text.optional(), "generated into `.data/secrets.json`", "AES-256-GCM key material for stored credentials (AI keys, WordPress and Shopify credentials)"),
  APP_URL: variable(url.optional(), "`AUTH_URL`, else the server's own address", "public address of the app: absolute URLs in hosted sites' canonical links, RSS, sitemaps, images sent to Shopify / the bridge, and Stripe's return links"),
  AUTH_URL: variable(url.optional(), "none", "next-auth's public address (used for `APP_URL` when that is unset)"),
  PORT: variable(port.default(3000), "`3000`", "where `npm start` (server.mjs) listens (`-p` also works)"),
  TRUSTED_PROXIES: variable(
    z
      .string()
      .trim()
      .regex(/^(\d+|((loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)\s*(,\s*|$))+)$/, "a hop count or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal")
      .optional(),
    "none (forwarded headers are ignored)",
    "proxies in front of the app whose `X-Forwarded-For`/`-Host`/`-Proto` are believed, as Express's `trust proxy`: a hop count (`1` = the peer is a proxy) or addresses/CIDRs (`10.0.0.0/8, loopback`). The client address (rate limits, sign-in throttling) and the public address (redirects) come from them",
  ),
  HOSTNAME: variable(text.default("0.0.0.0"), "`0.0.0.0`", "the address `npm start` binds (`-H` also works)"),
  OPENAI_API_KEY: variable(text.optional(), "none (accounts can add their own in Settings → Integrations)", "default key for the AI engine"),
  OPENAI_BASE_URL: variable(url.optional(), "OpenAI", "any OpenAI-compatible endpoint (e.g. a local model server)"),
  OPENAI_MODEL: variable(text.default("gpt-4o-mini"), "`gpt-4o-mini`", "default text model when an account has not chosen"),
  OPENAI_IMAGE_MODEL: variable(text.default("dall-e-3"), "`dall-e-3`", "default image model when an account has not chosen"),
  RUNWARE_API_KEY: variable(text.optional(), "none", "default Runware key for image generation"),
  RUNWARE_BASE_URL: variable(url.optional(), "Runware", "another Runware-compatible endpoint"),
  AI_TIMEOUT_MS: variable(positiveInt(120_000), "`120000`", "per model call: timeout"),
  AI_MAX_RETRIES: variable(nonNegativeInt(2), "`2`", "per model call: retries of 429/5xx/timeouts (with backoff)"),
  AI_IMAGE_TIMEOUT_MS: variable(positiveInt(180_000), "`180000`", "per image generation call"),
  AI_ITEM_RETRY_BASE_MS: variable(nonNegativeInt(1000), "`1000`", "base backoff before a pipeline retries one failed item"),
  INNGEST_EVENT_KEY: variable(text.optional(), "none → the local job queue", "send background work to an Inngest server (Cloud or self-hosted)"),
  INNGEST_SIGNING_KEY: variable(text.optional(), "none", "verifies the Inngest server's calls to `/api/inngest` (required in production with Inngest)"),
  INNGEST_BASE_URL: variable(url.optional(), "Inngest Cloud", "a self-hosted Inngest server"),
  INNGEST_DEV: variable(z.union([flag, url]).transform((v) => v !== false).optional(), "unset", "`1` (or the dev server's URL) to use a local Inngest dev server (outside production)"),
  RUN_CONCURRENCY_PER_ACCOUNT: variable(positiveInt(10), "`10`", "items (model calls, publishes…) of one account in flight at once, across all its runs and app processes (the local queue's slots; Inngest's concurrency key)"),
  JOBS_LEASE_MS: variable(positiveInt(30_000), "`30000`", "local job queue: how long a process holds a run or slot without renewing it (renewed every third of it); a killed process's work is taken over after this"),
  JOBS_POLL_INTERVAL_MS: variable(positiveInt(1_000), "`1000`", "local job queue: how often each process looks for runs started by other processes (its own start at once)"),
  JOBS_RUNS_PER_PROCESS: variable(positiveInt(50), "`50`", "local job queue: runs one app process drives at once (an account's runs also count against `RUN_CONCURRENCY_PER_ACCOUNT`)"),
  STORAGE_DIR: variable(text.optional(), "`<APP_DATA_DIR>/uploads`", "where uploaded and generated images are stored on disk (served at `/media/…`)"),
  S3_ENDPOINT: variable(url.optional(), "none → local disk", "store images in any S3-compatible bucket instead (see `lib/storage/README.md`)"),
  S3_BUCKET: variable(text.optional(), "none", "the bucket (with `S3_ENDPOINT`)"),
  S3_ACCESS_KEY_ID: variable(text.optional(), "none", "the bucket's access key (with `S3_ENDPOINT`)"),
  S3_SECRET_ACCESS_KEY: variable(text.optional(), "none", "the bucket's secret key (with `S3_ENDPOINT`)"),
  S3_REGION: variable(text.default("us-east-1"), "`us-east-1`", "the bucket's region"),
  S3_FORCE_PATH_STYLE: variable(flag.default(true), "`true`", "`false` for virtual-hosted bucket URLs"),
  S3_PUBLIC_URL: variable(url.optional(), "none → served through the app", "a public bucket or CDN URL for images (then anyone with a URL can view it)"),
  UPLOAD_MAX_BYTES: variable(positiveInt(10 * 1024 * 1024), "`10485760`", "largest image upload"),
  STRIPE_SECRET_KEY: variable(text.optional(), "none → plans are assigned and credits granted by an administrator", "enables plan changes through Stripe Checkout and the customer portal"),
  STRIPE_WEBHOOK_SECRET: variable(text.optional(), "none", "verifies `POST /api/v1/billing/webhooks/stripe/` (register that URL in Stripe for `checkout.session.completed`, `customer.subscription.*`, `invoice.paid`)"),
  STRIPE_API_BASE: variable(url.optional(), "`https://api.stripe.com`", "another Stripe-compatible API (tests use a local stub)"),
  SMTP_URL: variable(url.optional(), "none → messages go to the server log and `<APP_DATA_DIR>/mail/`", "outgoing mail (password resets, invitations), e.g. `smtps://user:pass@smtp.example.com:465`"),
  MAIL_FROM: variable(text.default("Content Studio <no-reply@localhost>"), "`Content Studio <no-reply@localhost>`", "the sender of outgoing mail"),
  HOSTED_CACHE_TTL_MS: variable(nonNegativeInt(60_000), "`60000`", "the production server's in-memory cache of hosted-site pages: lifetime of an entry (`0`: no copies kept, every request renders; for measuring the render path)"),
  HOSTED_CACHE_MAX_ENTRIES: variable(positiveInt(2_000), "`2000`", "the production server's in-memory cache of hosted-site pages: entries kept (per thread)"),
  HOSTED_THREADS: variable(z.coerce.number({ message: "a whole number" }).int("a whole number").positive("a number above 0").optional(), "one per core, at most 4", "threads of the production server (`server.mjs`) that accept requests and answer hosted-site pages, each keeping its own copies (`1`: one thread)"),
  HOSTED_PURGE_WEBHOOK_URL: variable(url.optional(), "none", "a CDN purge hook: when a hosted site's pages change (publish, unpublish, page edit, deploy, site change) the app POSTs `{ event: \"hosted.purge\", site, urls, prefixes }` here (e.g. a small function that calls your CDN's purge API)"),
  HOSTED_APP_HOSTS: variable(text.optional(), "none", "comma-separated extra host names that serve the app itself rather than a hosted site's own domain (the host of `APP_URL`, `localhost` and loopback addresses always do)"),
  PUBLISH_SCHEDULER_INTERVAL_MS: variable(positiveInt(30_000), "`30000`", "how often scheduled publishing checks for due records (a schedule of the local job queue, ticked by one process; Inngest mode: a cron function every minute)"),
  INTEGRATION_TIMEOUT_MS: variable(positiveInt(20_000), "`20000`", "per request to WordPress / Shopify"),
  WEBHOOK_DELIVERY_RETENTION_DAYS: variable(positiveInt(30), "`30`", "days a webhook (`custom` integration) delivery attempt stays in the integration's delivery log; older ones are deleted by the hourly `prune-webhook-deliveries` schedule"),
  WEBHOOK_DELIVERY_MAX_PER_INTEGRATION: variable(positiveInt(10_000), "`10000`", "delivery attempts kept per webhook integration whatever their age: a busy integration keeps its newest ones (pruned hourly with `WEBHOOK_DELIVERY_RETENTION_DAYS`)"),
  BRIDGE_RATE_LIMIT: variable(positiveInt(120), "`120`", "WordPress bridge requests per site key per minute (its throttle scope, `integration`)"),
  API_MAX_BODY_BYTES: variable(positiveInt(2 * 1024 * 1024), "`2097152`", "largest JSON body a REST route reads (larger answers 413; uploads and CSV imports have their own limits)"),
  THROTTLE_ENABLED: variable(flag.default(true), "on", "`off` to stop counting REST requests per caller and throttle scope (also lifts `BRIDGE_RATE_LIMIT`)"),
  THROTTLE_RATES: variable(
    z
      .string()
      .trim()
      .regex(/^\s*[a-z]+\s*=\s*\d+\s*\/\s*[a-z]+\s*(,\s*[a-z]+\s*=\s*\d+\s*\/\s*[a-z]+\s*)*$/, "scope=count/unit pairs, e.g. ai=20/min,planner=1000/min")
      .optional(),
    "`ai=60/min, content=600/min, auth=120/min, planner=1200/min, writer=1200/min, system=600/min, billing=300/min, linker=600/min, optimizer=600/min, integration=600/min`",
    "REST requests per user (session or token) or, unauthenticated, per client address, per throttle scope: `/api/v1/<module>/…` counts in its module's scope (`admin` in `system`, `publisher` in `content`), POSTs to AI actions in `ai`; units `sec`, `min`, `hour`, `day`. Past the limit: 429 with `Retry-After`; every answer carries `RateLimit-Limit`/`-Remaining`/`-Reset`",
  ),
  CORS_ORIGINS: variable(
    z
      .string()
      .trim()
      .regex(/^(\*|https?:\/\/[^\s,/]+)(\s*,\s*(\*|https?:\/\/[^\s,/]+))*$/, "a comma-separated list of origins (https://app.example.com) or *")
      .optional(),
    "none (no cross-origin access)",
    "origins whose browser pages may call `/api/v1/*` (CORS, credentials included); `*` also lets any other origin call it without credentials (bearer tokens)",
  ),
  LINKER_INDEX_CACHE_SITES: variable(positiveInt(4), "`4`", "sites whose internal-link index each app process keeps between requests"),
  LOG_LEVEL: variable(z.enum(["debug", "info", "warn", "error", "silent"]).default("info"), "`info`", "lowest level printed (`debug`, `info`, `warn`, `error`), or `silent` to mute the JSON logs"),
  LOG_DEBUG: variable(flag.default(false), "unset", "`1` to also print debug lines (same as `LOG_LEVEL=debug`)"),
  REQUEST_METRICS: variable(flag.default(true), "on", "`off` to stop recording per-request metrics (developer → System status)"),
} satisfies Record<string, Variable>;

export type EnvName = keyof typeof ENV_VARIABLES;
export type Env = { readonly [K in EnvName]: z.output<(typeof ENV_VARIABLES)[K]["schema"]> };

export class EnvError extends Error {
  constructor(readonly problems: { name: string; expected: string; value: string }[]) {
    super(
      `Invalid configuration: ${problems.map((p) => `${p.name}=${JSON.stringify(p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value)} (expected ${p.expected})`).join("; ")}. ` +
        "See the README's configuration table.",
    );
    this.name = "EnvError";
  }
}

function raw(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}

const parsedCache = new Map<string, { raw: string | undefined; value: unknown }>();

function read(name: EnvName): unknown {
  const value = raw(name);
  const hit = parsedCache.get(name);
  if (hit && hit.raw === value) return hit.value;
  const result = ENV_VARIABLES[name].schema.safeParse(value);
  if (!result.success) throw new EnvError([{ name, expected: result.error.issues[0]?.message ?? "a valid value", value: value ?? "" }]);
  parsedCache.set(name, { raw: value, value: result.data });
  return result.data;
}

/** Typed, validated settings: `env.DATABASE_POOL_SIZE` is a number, `env.INNGEST_DEV` a boolean. */
export const env: Env = Object.defineProperties(
  {},
  Object.fromEntries(Object.keys(ENV_VARIABLES).map((name) => [name, { enumerable: true, get: () => read(name as EnvName) }])),
) as Env;

/** Start-up check of every variable at once; throws an EnvError naming each bad one. */
export function validateEnv(): void {
  const problems: EnvError["problems"] = [];
  for (const name of Object.keys(ENV_VARIABLES) as EnvName[]) {
    try {
      read(name);
    } catch (error) {
      if (error instanceof EnvError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new EnvError(problems);
}

/** Sets a variable for the rest of the process (the bootstrap's embedded database and generated secrets). */
export function setEnv(name: EnvName, value: string): void {
  (process.env as Record<string, string>)[name] = value;
}

export const isProduction = () => env.NODE_ENV === "production";

/** The app's version, as npm reports it when started through an npm script. */
export const appVersion = () => process.env.npm_package_version ?? "0.1.0";

/** Set by server.mjs (not configuration): it passes every request's socket address in a header it overwrites. */
export const serverSetsSocketAddress = () => process.env.SCS_SERVER_SOCKET_ADDRESS === "1";
/** Set by Next.js's own server: the address it listens on. */
export const nextPrivateOrigin = () => process.env.__NEXT_PRIVATE_ORIGIN;

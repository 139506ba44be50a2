// A `custom` integration as a signed webhook: every event is one JSON POST to the receiver's
// endpoint, signed with HMAC-SHA256 over `timestamp.body` (see ../README.md for the payload and
// how a receiver verifies it). One call = one attempt: retries belong to the caller (the
// publishing run retries network errors, timeouts, 429 and 5xx with backoff; a 4xx is final).
// Each attempt is reported through `onAttempt` (the delivery log); adapters never touch the database.
import { createHmac } from "node:crypto";
import { AppError, ValidationError } from "@/lib/errors";
import { snakeKeys } from "@/lib/http/case";
import { classifyHttpFailure, isRetryableFailureKind } from "../http-failure";
import type { ConnectionCheck, PublishInput, PublishResult, PublishingAdapter } from "../types";

export type WebhookEvent = "content.published" | "content.unpublished" | "test";

export const WEBHOOK_HEADERS = {
  event: "X-Content-Studio-Event",
  delivery: "X-Content-Studio-Delivery",
  timestamp: "X-Content-Studio-Timestamp",
  signature: "X-Content-Studio-Signature",
  attempt: "X-Content-Studio-Attempt",
} as const;

const EXCERPT_CHARS = 2_000;

/** One attempt, as the delivery log stores it. */
export type WebhookAttempt = {
  deliveryId: string;
  event: WebhookEvent;
  attempt: number;
  contentId: number | null;
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  requestExcerpt: string;
  responseExcerpt: string;
};

export type WebhookAdapterConfig = {
  endpoint: string;
  signingSecret: string;
  /** Sent as `Authorization: Bearer …` when the receiver gave one. */
  apiKey?: string | null;
  /** The same id for every attempt of one delivery (receivers deduplicate on it). */
  deliveryId: string;
  /** Which attempt of the delivery this adapter makes (1 for the first). */
  attempt?: number;
  /** Sent with every event: who it comes from. */
  source: { integrationId: number; siteId: number; siteSlug: string };
  /** The article's JSON (the bridge's serializer); null when it no longer exists. */
  loadArticle: (contentId: number) => Promise<Record<string, unknown> | null>;
  /** The content an unpublish is about (adapters only get the remote id). */
  contentId?: number;
  onAttempt?: (attempt: WebhookAttempt) => Promise<void>;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type WebhookErrorKind = "unreachable" | "timeout" | "redirect" | "refused" | "rate_limited" | "server_error";

export class WebhookError extends AppError {
  override readonly status = 502;
  override readonly code: string;
  constructor(readonly kind: WebhookErrorKind, message: string, readonly httpStatus?: number) {
    super(message);
    this.name = "WebhookError";
    this.code = `webhook_${kind}`;
  }
  get retryable(): boolean {
    return isRetryableFailureKind(this.kind);
  }
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the value of the signature header. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type WebhookAnswer = { statusCode: number; text: string };

export type WebhookAdapter = PublishingAdapter & {
  /** Sends a `test` event; throws WebhookError when the receiver does not answer 2xx. */
  sendTest(): Promise<WebhookAnswer>;
};

export function createWebhookAdapter(config: WebhookAdapterConfig): WebhookAdapter {
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 20_000;
  const attempt = config.attempt ?? 1;
  const host = safeHost(config.endpoint);

  async function deliver(event: WebhookEvent, contentId: number | null, data: unknown): Promise<WebhookAnswer> {
    const body = JSON.stringify(snakeKeys({ id: config.deliveryId, event, createdAt: new Date(), attempt, ...config.source, data }));
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "User-Agent": "ContentStudio-Webhooks/1",
      [WEBHOOK_HEADERS.event]: event,
      [WEBHOOK_HEADERS.delivery]: config.deliveryId,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(config.signingSecret, timestamp, body),
      [WEBHOOK_HEADERS.attempt]: String(attempt),
      ...(config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {}),
    };
    const started = performance.now();
    let statusCode: number | null = null;
    let text = "";
    let failure: WebhookError | null = null;
    try {
      const response = await doFetch(config.endpoint, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      statusCode = response.status;
      text = await response.text();
      failure = classify(response.status, text);
    } catch (error) {
      const name = (error as Error)?.name;
      failure =
        name === "TimeoutError" || name === "AbortError"
          ? new WebhookError("timeout", `The webhook endpoint (${host}) did not answer within ${Math.round(timeoutMs / 1000)} s.`)
          : new WebhookError("unreachable", `Could not connect to the webhook endpoint (${host}): ${causeOf(error)}.`);
    }
    await config.onAttempt?.({
      deliveryId: config.deliveryId,
      event,
      attempt,
      contentId,
      ok: !failure,
      statusCode,
      durationMs: Math.round(performance.now() - started),
      error: failure?.message ?? null,
      requestExcerpt: body.slice(0, EXCERPT_CHARS),
      responseExcerpt: text.slice(0, EXCERPT_CHARS),
    });
    if (failure) throw failure;
    return { statusCode: statusCode!, text };
  }

  function classify(status: number, text: string): WebhookError | null {
    return classifyHttpFailure(status, {
      rate_limited: () => new WebhookError("rate_limited", `The webhook endpoint (${host}) is rate-limiting (429).`, status),
      server_error: () => new WebhookError("server_error", `The webhook endpoint (${host}) answered ${status}.`, status),
      redirect: () => new WebhookError("redirect", `The webhook endpoint (${host}) redirected (${status}); webhooks do not follow redirects: enter the final address.`, status),
      client_error: () => {
        const said = text.trim().slice(0, 300);
        return new WebhookError("refused", `The webhook endpoint (${host}) refused the delivery (${status})${said ? `: ${said}` : "."}`, status);
      },
    });
  }

  async function publish(input: PublishInput): Promise<PublishResult> {
    const article = await config.loadArticle(input.contentId);
    if (!article) throw new ValidationError("The article no longer exists.");
    const data = { ...article, status: input.status, scheduledAt: input.status === "future" ? (input.scheduledAtGmt ?? null) : null, previousRemoteId: input.remoteId ?? null };
    const answer = await deliver("content.published", input.contentId, data);
    const receipt = parseReceipt(answer.text);
    return { remoteId: receipt.id ?? input.remoteId ?? String(input.contentId), url: receipt.url ?? "", status: input.status, media: {}, warnings: [] };
  }

  async function unpublish(remoteId: string, options: { delete?: boolean } = {}): Promise<void> {
    await deliver("content.unpublished", config.contentId ?? null, { contentId: config.contentId ?? null, remoteId, delete: Boolean(options.delete) });
  }

  function sendTest(): Promise<WebhookAnswer> {
    return deliver("test", null, { message: "A test event from Content Studio: verify the signature and answer 2xx." });
  }

  async function testConnection(): Promise<ConnectionCheck> {
    try {
      const answer = await sendTest();
      return { ok: true, checks: [{ name: "reachable", ok: true, detail: `The endpoint accepted a test event (${answer.statusCode}).` }] };
    } catch (error) {
      const e = error as WebhookError;
      const answered = e.httpStatus !== undefined;
      return {
        ok: false,
        checks: [
          { name: "reachable", ok: answered, detail: answered ? `${host} answered.` : e.message },
          ...(answered ? [{ name: "authentication" as const, ok: false, detail: e.message }] : []),
        ],
      };
    }
  }

  return { testConnection, publish, unpublish, sendTest };
}

/** `{ id, url }` from the receiver's JSON answer, when it gave them. */
function parseReceipt(text: string): { id?: string; url?: string } {
  try {
    const json = JSON.parse(text) as { id?: unknown; url?: unknown };
    const id = typeof json?.id === "string" || typeof json?.id === "number" ? String(json.id).slice(0, 200) : undefined;
    const url = typeof json?.url === "string" && /^https?:\/\//i.test(json.url) ? json.url.slice(0, 2000) : undefined;
    return { id: id || undefined, url };
  } catch {
    return {};
  }
}

function safeHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? "network error";
}

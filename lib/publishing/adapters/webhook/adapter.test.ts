import { describe, expect, it } from "vitest";
import { verifySignature } from "@/tests/fixtures/webhook-receiver";
import { createWebhookAdapter, signWebhook, type WebhookAttempt, type WebhookError } from "./adapter";

type Sent = { url: string; headers: Record<string, string>; body: string; redirect?: RequestRedirect };

function adapter(answer: () => Response | Promise<Response>, options: { timeoutMs?: number } = {}) {
  const sent: Sent[] = [];
  const attempts: WebhookAttempt[] = [];
  const hook = createWebhookAdapter({
    endpoint: "https://hooks.example.com/in",
    signingSecret: "whsec_test",
    deliveryId: "d-1",
    attempt: 2,
    source: { integrationId: 7, siteId: 3, siteSlug: "garden" },
    contentId: 41,
    loadArticle: async (id) => (id === 41 ? { contentId: 41, title: "Soil", status: "publish" } : null),
    onAttempt: async (a) => void attempts.push(a),
    timeoutMs: options.timeoutMs,
    fetch: async (url, init) => {
      sent.push({ url: String(url), headers: init!.headers as Record<string, string>, body: String(init!.body), redirect: init!.redirect });
      return answer();
    },
  });
  return { hook, sent, attempts };
}

const input = { contentId: 41, title: "Soil", html: "<p>x</p>", status: "publish" as const };

describe("webhook adapter", () => {
  it("signs timestamp.body with HMAC-SHA256 (verifiable by a receiver), sends the delivery id, attempt and event; takes {id, url} from the answer", async () => {
    const { hook, sent, attempts } = adapter(() => Response.json({ id: 99, url: "https://cms.example.com/soil" }, { status: 201 }));
    const result = await hook.publish(input);
    expect(result).toMatchObject({ remoteId: "99", url: "https://cms.example.com/soil", status: "publish" });
    const [req] = sent;
    expect(req.redirect).toBe("manual");
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers).toMatchObject({ "x-content-studio-event": "content.published", "x-content-studio-delivery": "d-1", "x-content-studio-attempt": "2" });
    expect(verifySignature("whsec_test", headers, req.body)).toBe(true);
    expect(verifySignature("whsec_other", headers, req.body)).toBe(false);
    expect(verifySignature("whsec_test", headers, req.body.replace("Soil", "Sand"))).toBe(false);
    expect(headers["x-content-studio-signature"]).toBe(signWebhook("whsec_test", Number(headers["x-content-studio-timestamp"]), req.body));
    expect(JSON.parse(req.body)).toMatchObject({ id: "d-1", event: "content.published", attempt: 2, integration_id: 7, site_slug: "garden", data: { content_id: 41, status: "publish", scheduled_at: null } });
    expect(attempts).toEqual([expect.objectContaining({ deliveryId: "d-1", attempt: 2, ok: true, statusCode: 201, contentId: 41, error: null })]);
  });

  it("without a JSON answer the content id is the remote id", async () => {
    const { hook } = adapter(() => new Response("ok", { status: 200 }));
    expect(await hook.publish(input)).toMatchObject({ remoteId: "41", url: "" });
  });

  it.each([
    [500, "server_error", true],
    [503, "server_error", true],
    [429, "rate_limited", true],
    [400, "refused", false],
    [410, "refused", false],
    [302, "redirect", false],
  ])("answer %i → %s (retryable: %s), logged", async (status, kind, retryable) => {
    const { hook, attempts } = adapter(() => new Response(status === 302 ? null : "nope", { status, headers: status === 302 ? { location: "https://elsewhere.example/" } : {} }));
    const error = (await hook.publish(input).catch((e) => e)) as WebhookError;
    expect(error).toMatchObject({ kind, retryable, httpStatus: status });
    expect(attempts).toEqual([expect.objectContaining({ ok: false, statusCode: status, error: error.message })]);
  });

  it("network errors and timeouts are retryable, with a sentence", async () => {
    const refused = adapter(() => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })));
    await expect(refused.hook.publish(input)).rejects.toMatchObject({ kind: "unreachable", retryable: true, message: "Could not connect to the webhook endpoint (hooks.example.com): ECONNREFUSED." });
    const slow = adapter(() => Promise.reject(new DOMException("timed out", "TimeoutError")), { timeoutMs: 5_000 });
    await expect(slow.hook.publish(input)).rejects.toMatchObject({ kind: "timeout", retryable: true, message: "The webhook endpoint (hooks.example.com) did not answer within 5 s." });
    expect(slow.attempts[0]).toMatchObject({ ok: false, statusCode: null });
  });

  it("unpublish and test events", async () => {
    const { hook, sent } = adapter(() => new Response(null, { status: 204 }));
    await hook.unpublish("99", { delete: true });
    expect(JSON.parse(sent[0].body)).toMatchObject({ event: "content.unpublished", data: { content_id: 41, remote_id: "99", delete: true } });
    expect(await hook.testConnection()).toEqual({ ok: true, checks: [{ name: "reachable", ok: true, detail: "The endpoint accepted a test event (204)." }] });
    expect(JSON.parse(sent[1].body)).toMatchObject({ event: "test" });
  });
});

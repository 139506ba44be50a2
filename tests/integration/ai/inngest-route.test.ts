// /api/inngest: not served without an Inngest server; serves the functions when one is
// configured; refuses to run unsigned in production.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as route from "@/app/api/inngest/route";

const env = process.env as Record<string, string | undefined>;
const call = (method: "GET" | "PUT" | "POST") =>
  route[method](new NextRequest("http://localhost/api/inngest", { method, headers: { host: "localhost" } }) as unknown as Request, { params: Promise.resolve({}) });

afterEach(() => {
  delete env.INNGEST_DEV;
  delete env.INNGEST_EVENT_KEY;
  env.NODE_ENV = "test";
});

describe("/api/inngest", () => {
  it("is not served when background work runs on the local job queue", async () => {
    const res = await call("GET");
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/runs on the local job queue/);
  });

  it("serves every function (with its failure handler, when it has one) to an Inngest dev server", async () => {
    env.INNGEST_DEV = "1";
    const res = await call("GET");
    expect(res.status).toBe(200);
    const body = await res.json();
    const { functions } = await import("@/inngest/functions");
    // Inngest registers a function's onFailure handler as a function of its own.
    const expected = functions.reduce((n, fn) => n + 1 + ((fn as unknown as { opts?: { onFailure?: unknown } }).opts?.onFailure ? 1 : 0), 0);
    expect(functions.length).toBeGreaterThanOrEqual(9);
    expect(body.function_count ?? body.functionCount).toBe(expected);
  });

  it("refuses in production without a signing key", async () => {
    env.NODE_ENV = "production";
    env.INNGEST_EVENT_KEY = "evt-key";
    const res = await call("POST");
    expect(res.status).toBe(503);
    expect((await res.json()).message).toMatch(/INNGEST_SIGNING_KEY is required/);
  });
});

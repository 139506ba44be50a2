// Docker cannot run here: check what can be checked. compose.yaml parses and wires the services and
// variables the app needs; the Dockerfile builds the standalone output and runs it unprivileged with
// a health check. (That the standalone server starts is proven by every Playwright run:
// scripts/e2e-server.mjs starts the app from it.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { ENV_VARIABLES } from "@/lib/config/env";

const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Service = { build?: unknown; image?: string; command?: string | string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown> };

describe("compose.yaml", () => {
  const text = read("compose.yaml");
  const compose = parse(text, { merge: true }) as { services: Record<string, Service> };

  it("parses as YAML without errors", () => {
    expect(parseDocument(text, { merge: true }).errors).toEqual([]);
  });

  it("runs the app with PostgreSQL, a self-hosted Inngest server and an S3-compatible store", () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["app", "postgres", "inngest", "minio"]));
    expect(compose.services.app.build).toBe(".");
    expect(String(compose.services.inngest.command)).toMatch(/^inngest start\b.*http:\/\/app:3000\/api\/inngest/);
    expect(compose.services.app.depends_on).toHaveProperty("postgres");
  });

  it("gives the app every variable production needs, and only ones the app declares", () => {
    const env = compose.services.app.environment ?? {};
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "ENCRYPTION_KEY", "APP_URL", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
      expect(env, name).toHaveProperty(name);
    }
    expect(Object.keys(env).filter((name) => !(name in ENV_VARIABLES))).toEqual([]);
    expect(env.DATABASE_URL).toContain("@postgres:5432/");
    expect(env.INNGEST_BASE_URL).toBe("http://inngest:8288");
    expect(env.S3_ENDPOINT).toBe("http://minio:9000");
    // The same keys on both sides, or Inngest and the app refuse each other's calls.
    expect(compose.services.inngest.environment?.INNGEST_SIGNING_KEY).toBe(env.INNGEST_SIGNING_KEY);
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("is multi-stage and ships the standalone output", () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/node scripts\/standalone\.mjs/);
    expect(dockerfile).toMatch(/COPY --from=build .*\/app\/\.next\/standalone/);
    expect(read("next.config.mjs")).toMatch(/output: "standalone"/);
  });

  it("runs as a non-root user with a health check on /api/health", () => {
    expect(dockerfile).toMatch(/^USER (?!root)\w+/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server.mjs"\]/m);
  });
});

// Contract test: on a seeded account, every GET endpoint of the OpenAPI document (and a create per
// resource) is called and its real answer validated against the document's schema with ajv.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { openApiDocument, pathOf } from "@/lib/openapi/document";
import { callApi, tokenFor, type ApiResponse } from "@/tests/fixtures/api";
import { createDeveloper, twoTenants } from "@/tests/fixtures/factories";
import { startWebhookReceiver } from "@/tests/fixtures/webhook-receiver";

type Operation = { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

const modules = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");
const handlerFor = async (path: string, method: string) => {
  const file = Object.keys(modules).find((key) => pathOf(key.replace(/^\/app\/api\/v1\//, "")) === path)!;
  return (await modules[file]())[method.toUpperCase()] as Parameters<typeof callApi>[0];
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

let doc: Doc;
let ids: Record<string, string | number> = {};
let tokens: { owner: string; developer: string; siteKey: string };

function validate(path: string, method: string, response: ApiResponse, expected: number) {
  expect(response.status, `${method.toUpperCase()} ${path}: ${JSON.stringify(response.body).slice(0, 400)}`).toBe(expected);
  const content = doc.paths[path][method].responses[String(expected)].content!;
  const type = Object.keys(content)[0];
  if (type !== "application/json") return expect(response.headers.get("content-type")).toContain(type);
  // Refs to the document's components (recursive schemas) resolve against the schema's root.
  const check = ajv.compile({ ...content[type].schema, components: { schemas: doc.components.schemas } });
  const ok = check(response.body);
  expect(ok, `${method.toUpperCase()} ${path} does not match the document: ${ajv.errorsText(check.errors, { separator: "\n" })}\n${JSON.stringify(response.body).slice(0, 600)}`).toBe(true);
}

async function call(method: string, path: string, options: { body?: unknown; query?: Record<string, string | number>; token?: string; expected?: number } = {}) {
  const params: Record<string, string> = {};
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const key = `${path.split("/").slice(3, -2).filter((s) => !s.startsWith("{")).join("/")}:${name}`;
    const value = ids[key] ?? ids[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${path} (seed ids["${key}"])`);
    params[name] = String(value);
    return String(value);
  });
  const search = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]) => [k, String(v)]));
  const handler = await handlerFor(path, method);
  const response = await callApi(handler, { method: method.toUpperCase(), url: `${url}${search.size ? `?${search}` : ""}`, params, body: options.body, token: options.token ?? tokens.owner });
  const expected = options.expected ?? Number(Object.keys(doc.paths[path][method].responses).find((s) => s.startsWith("2")));
  validate(path, method, response, expected);
  return response.body?.data;
}

beforeAll(async () => {
  doc = (await openApiDocument()) as unknown as Doc;
  const { a } = await twoTenants();
  const developer = await createDeveloper();
  tokens = { owner: await tokenFor(a.owner.id), developer: await tokenFor(developer.id), siteKey: "" };
  ids = { site_id: a.site.id, sector_id: a.sector.id, slug: a.site.slug, "auth/sites:id": a.site.id, "publisher/sites:id": a.site.id };
  // A request the developer tracked (X-Resource-Tracking: on), for /admin/metrics/requests/{tracking_id}/.
  const tracking = await rootDb().resourceTracking.create({
    data: { id: crypto.randomUUID(), accountId: developer.accountId, userId: developer.id, requestId: "seed", method: "GET", path: "/api/v1/admin/accounts/", status: 200, durationMs: 1, queries: 2, queryMs: 0.5, heapUsedMb: 50, heapDeltaMb: 0.1, rssMb: 120 },
  });
  ids["admin/metrics/requests:tracking_id"] = tracking.id;
}, 60_000);

describe("the document describes the real answers", () => {
  it("creates one of each resource", async () => {
    const site = a();
    const keyword = await call("post", "/api/v1/planner/keywords/", { body: { site_id: site.site_id, sector_id: site.sector_id, keyword: "compost bins", volume: 900 } });
    const cluster = await call("post", "/api/v1/planner/clusters/", { body: { site_id: site.site_id, sector_id: site.sector_id, name: "Composting" } });
    const idea = await call("post", "/api/v1/planner/ideas/", { body: { site_id: site.site_id, sector_id: site.sector_id, idea_title: "How to compost", keyword_cluster_id: cluster.id } });
    expect(idea.title).toBe("How to compost");
    const task = await call("post", "/api/v1/writer/tasks/", { body: { site_id: site.site_id, sector_id: site.sector_id, title: "Compost guide", cluster_id: cluster.id } });
    const content = await call("post", "/api/v1/writer/content/", { body: { task_id: task.id, html_content: "<h2>Start</h2><p>Greens and browns.</p>" } });
    expect(content.html_content).toContain("Greens and browns");
    const image = await call("post", "/api/v1/writer/images/", { body: { content_id: content.id, image_type: "featured", prompt: "A compost heap" } });
    const author = await call("post", "/api/v1/system/author-profiles/", { body: { name: "Sam", tone: "friendly" } });
    const strategy = await call("post", "/api/v1/system/strategies/", { body: { name: "Evergreen guides" } });
    const integration = await call("post", "/api/v1/integration/integrations/", {
      body: { platform: "wordpress", site_id: site.site_id, base_url: "http://127.0.0.1:65530/", username: "admin", app_password: "abcd efgh ijkl mnop qrst uvwx" },
    });
    const invitation = await call("post", "/api/v1/auth/invitations/", { body: { email: `invitee-${Date.now()}@example.test`, role: "editor" } });
    const created = await call("post", "/api/v1/auth/sites/", { body: { name: "Second site" } });
    const deployment = await call("post", "/api/v1/publisher/deploy/", { body: { site_id: site.site_id } });
    const key = await call("post", "/api/v1/auth/sites/{id}/api_key/");
    tokens.siteKey = key.api_key;
    const rule = await call("post", "/api/v1/automation/rules/", {
      body: { site_id: site.site_id, sector_id: site.sector_id, name: "Write queued tasks", trigger: "schedule", cron: "0 9 * * 1-5", time_zone: "Europe/Paris", actions: [{ type: "generate_content" }], limits: { max_items: 5, daily_budget: 100 } },
    });
    const scheduled = await call("post", "/api/v1/automation/scheduled-tasks/", { body: { rule_id: rule.id, due_at: new Date(Date.now() + 3600_000).toISOString() } });
    const blueprint = await call("post", "/api/v1/site-builder/blueprints/", { body: { site_id: site.site_id, sector_id: site.sector_id, name: "Garden site", business_type: "publisher", audience: "beginners" } });
    const page = await call("post", "/api/v1/site-builder/pages/", { body: { blueprint_id: blueprint.id, type: "home", title: "Home" } });
    const run = await rootDb().run.create({ data: { accountId: Number(ids["auth/sites:id"] ? (await rootDb().site.findUniqueOrThrow({ where: { id: site.site_id } })).accountId : 0), kind: "auto_cluster", functionId: "auto-cluster", eventName: "test", eventData: {} } });
    const transaction = await rootDb().creditTransaction.findFirstOrThrow({ where: { accountId: run.accountId } });
    Object.assign(ids, {
      "planner/keywords:id": keyword.id,
      "planner/clusters:id": cluster.id,
      "planner/ideas:id": idea.id,
      "writer/tasks:id": task.id,
      "writer/content:id": content.id,
      content_id: content.id,
      "writer/images:id": image.id,
      "system/author-profiles:id": author.id,
      "system/strategies:id": strategy.id,
      "integration/integrations:id": integration.id,
      "auth/invitations:id": invitation.invitation.id,
      "system/runs:id": run.id,
      "publisher/deployments:id": deployment.id,
      "system/settings/task_progress:id": run.id,
      "billing/transactions:id": transaction.id,
      "system/settings/integrations:pk": "openai",
      "admin/reference:kind": "industries",
      "automation/rules:id": rule.id,
      "automation/scheduled-tasks:id": scheduled.id,
      "site-builder/blueprints:id": blueprint.id,
      "site-builder/pages:id": page.id,
      second_site: created.id,
    });
  });

  it("every GET endpoint answers what the document says", async () => {
    const developerOnly = (path: string) => path.startsWith("/api/v1/admin/") || path === "/api/v1/system/settings/system/";
    const bridge = (path: string) => path.startsWith("/api/v1/integration/bridge/");
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      const get = operations.get;
      if (!get || path.includes("publishing-records/{id}")) continue;
      const query: Record<string, string | number> = {};
      for (const parameter of get.parameters.filter((p) => p.in === "query" && p.required)) query[parameter.name] = ids[parameter.name];
      await call("get", path, { query, token: developerOnly(path) ? tokens.developer : bridge(path) ? tokens.siteKey : undefined });
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it("a webhook integration: its create (secret once), test event, rotation and delivery log answer what the document says", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const created = await call("post", "/api/v1/integration/integrations/", { body: { platform: "custom", site_id: ids.site_id, endpoint: receiver.url } });
      receiver.secret = created.signing_secret;
      const params = { id: String(created.id) };
      const post = async (path: string) => validate(path, "post", await callApi(await handlerFor(path, "POST"), { method: "POST", token: tokens.owner, params }), 200);
      await post("/api/v1/integration/integrations/{id}/send_test_event/");
      await post("/api/v1/integration/integrations/{id}/rotate_signing_secret/");
      const path = "/api/v1/integration/integrations/{id}/deliveries/";
      const log = await callApi(await handlerFor(path, "GET"), { token: tokens.owner, params, url: `/api/v1/integration/integrations/${params.id}/deliveries/` });
      validate(path, "get", log, 200);
      expect(log.body.data.count).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it("single-record GETs carry an ETag; If-None-Match answers 304, a stale If-Match a 409 with the current record", async () => {
    const handler = await handlerFor("/api/v1/writer/content/{id}/", "GET");
    const params = { id: String(ids["writer/content:id"]) };
    const first = await callApi(handler, { token: tokens.owner, params, url: `/api/v1/writer/content/${params.id}/` });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"v1-/);
    expect((await callApi(handler, { token: tokens.owner, params, url: `/api/v1/writer/content/${params.id}/`, headers: { "if-none-match": etag } })).status).toBe(304);
    const patch = await handlerFor("/api/v1/writer/content/{id}/", "PATCH");
    const saved = await callApi(patch, { method: "PATCH", token: tokens.owner, params, body: { title: "Compost guide, revised" }, headers: { "if-match": etag } });
    validate("/api/v1/writer/content/{id}/", "patch", saved, 200);
    expect(saved.body.data.version).toBe(2);
    const stale = await callApi(patch, { method: "PATCH", token: tokens.owner, params, body: { title: "Lost edit" }, headers: { "if-match": etag } });
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe("Compost guide, revised");
    expect(stale.body.current.html_content).toContain("Greens and browns");
    const blind = await callApi(patch, { method: "PATCH", token: tokens.owner, params, body: { html: "<p>Last write wins.</p>" } });
    expect(blind.status).toBe(200);
    expect(blind.body.data).toMatchObject({ version: 3, html_content: "<p>Last write wins.</p>" });
  });
});

function a() {
  return { site_id: ids.site_id as number, sector_id: ids.sector_id as number };
}

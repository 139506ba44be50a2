import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { emitAutomationEvent } from "@/lib/automation/service";
import { runDueAutomation } from "@/lib/automation/scheduler";
import * as rulesRoute from "@/app/api/v1/automation/rules/route";
import * as ruleRoute from "@/app/api/v1/automation/rules/[id]/route";
import * as executeRoute from "@/app/api/v1/automation/rules/[id]/execute/route";
import * as forecastRoute from "@/app/api/v1/automation/rules/[id]/forecast/route";
import * as executionsRoute from "@/app/api/v1/automation/rules/[id]/executions/route";
import * as tasksRoute from "@/app/api/v1/automation/scheduled-tasks/route";
import * as taskRoute from "@/app/api/v1/automation/scheduled-tasks/[id]/route";
import { createCluster, createKeywords, createTasks, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { jobs, startRun } from "@/lib/jobs/service";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import type { TenantContext } from "@/lib/db/tenant-context";

setupAIStub();

type Place = { site: { id: number }; sector: { id: number } };
const ruleBody = (p: Place, overrides: Record<string, unknown> = {}) => ({
  site_id: p.site.id,
  sector_id: p.sector.id,
  name: "Write queued tasks",
  trigger: "manual",
  actions: [{ type: "generate_content" }],
  limits: { max_items: 5, daily_budget: 100 },
  ...overrides,
});
const create = (token: string, body: unknown) => callApi(rulesRoute.POST, { method: "POST", token, body });
const params = (id: number) => ({ id: String(id) });

describe("automation rules REST", () => {
  it("creates, reads, lists, pauses and deletes a rule; schedules record the next execution", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const res = await create(token, ruleBody(a, { trigger: "schedule", cron: "0 9 * * 1-5", time_zone: "Europe/Paris" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const rule = res.body.data;
    expect(rule).toMatchObject({ name: "Write queued tasks", trigger: "schedule", is_active: true, time_zone: "Europe/Paris", spent_this_month: 0 });
    const next = new Date(rule.next_run_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect([8, 7]).toContain(next.getUTCHours()); // 09:00 in Paris
    const tasks = await callApi(tasksRoute.GET, { token, url: `/x?rule_id=${rule.id}` });
    expect(tasks.body.data.results).toHaveLength(1);
    expect(new Date(tasks.body.data.results[0].due_at).getTime()).toBe(next.getTime());

    expect((await callApi(rulesRoute.GET, { token, url: `/x?site_id=${a.site.id}` })).body.data.count).toBe(1);
    const paused = await callApi(ruleRoute.PATCH, { method: "PATCH", token, params: params(rule.id), body: { is_active: false } });
    expect(paused.status).toBe(200);
    expect(paused.body.data).toMatchObject({ is_active: false, next_run_at: null });
    expect(await rootDb().scheduledTask.count({ where: { ruleId: rule.id, status: "scheduled" } })).toBe(0);

    const forecast = await callApi(forecastRoute.GET, { token, params: params(rule.id) });
    expect(forecast.status).toBe(200);
    expect(forecast.body.data.next_runs).toHaveLength(5);

    expect((await callApi(ruleRoute.DELETE, { method: "DELETE", token, params: params(rule.id) })).status).toBe(200);
    expect(await rootDb().automationRule.count({ where: { id: rule.id } })).toBe(0);
  });

  it("bad input is a 400 with field errors and creates nothing", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ trigger: "schedule", cron: "61 9 * * *" }, "cron"],
      [{ trigger: "schedule", cron: "*/5 * * * *" }, "cron"],
      [{ trigger: "schedule" }, "cron"],
      [{ trigger: "schedule", cron: "0 9 * * *", time_zone: "Mars/Olympus" }, "time_zone"],
      [{ trigger: "event" }, "event_type"],
      [{ actions: [{ type: "summon_llama" }] }, "actions.0.type"],
      [{ actions: [] }, "actions"],
      [{ actions: [{ type: "publish" }, { type: "generate_content" }] }, "actions.1"],
      [{ limits: { max_items: 5, daily_budget: -1 } }, "limits.daily_budget"],
      [{ limits: { max_items: 0 } }, "limits.max_items"],
    ];
    for (const [overrides, field] of cases) {
      const res = await create(token, ruleBody(a, overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect(await rootDb().automationRule.count({ where: { accountId: a.account.id } })).toBe(0);
    const rule = (await create(token, ruleBody(a))).body.data;
    const bad = await callApi(ruleRoute.PATCH, { method: "PATCH", token, params: params(rule.id), body: { trigger: "schedule" } });
    expect(bad.status).toBe(400);
    expect((await rootDb().automationRule.findUniqueOrThrow({ where: { id: rule.id } })).trigger).toBe("manual");
    expect((await callApi(ruleRoute.GET, { token, params: { id: "abc" } })).status).toBe(400);
  });

  it("another account's rules and sites answer 404; viewers read but do not write; editors only on granted sites", async () => {
    const { a, b } = await twoTenants();
    const tokenA = await tokenFor(a.owner.id);
    const tokenB = await tokenFor(b.owner.id);
    const rule = (await create(tokenA, ruleBody(a))).body.data;
    for (const [handler, method, body] of [
      [ruleRoute.GET, "GET", undefined],
      [ruleRoute.PATCH, "PATCH", { name: "Mine now" }],
      [ruleRoute.DELETE, "DELETE", undefined],
      [executeRoute.POST, "POST", undefined],
      [forecastRoute.GET, "GET", undefined],
      [executionsRoute.GET, "GET", undefined],
    ] as const) {
      expect((await callApi(handler, { method, token: tokenB, params: params(rule.id), body })).status, method).toBe(404);
    }
    expect((await create(tokenB, ruleBody(a))).status).toBe(404);
    expect((await callApi(tasksRoute.POST, { method: "POST", token: tokenB, body: { rule_id: rule.id, due_at: new Date(Date.now() + 3600_000).toISOString() } })).status).toBe(404);
    expect((await callApi(rulesRoute.GET, { token: tokenB })).body.data.count).toBe(0);
    expect((await rootDb().automationRule.findUniqueOrThrow({ where: { id: rule.id } })).name).toBe("Write queued tasks");

    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    const viewerToken = await tokenFor(viewer.id);
    expect((await callApi(ruleRoute.GET, { token: viewerToken, params: params(rule.id) })).status).toBe(200);
    expect((await create(viewerToken, ruleBody(a))).status).toBe(403);
    expect((await callApi(ruleRoute.PATCH, { method: "PATCH", token: viewerToken, params: params(rule.id), body: { name: "x" } })).status).toBe(403);
    expect((await callApi(executeRoute.POST, { method: "POST", token: viewerToken, params: params(rule.id) })).status).toBe(403);

    const outsider = await createUser(a.account.id, "editor", []);
    const outsiderToken = await tokenFor(outsider.id);
    expect((await callApi(ruleRoute.GET, { token: outsiderToken, params: params(rule.id) })).status).toBe(404);
    expect((await create(outsiderToken, ruleBody(a))).status).toBe(404);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const editorToken = await tokenFor(editor.id);
    expect((await callApi(ruleRoute.PATCH, { method: "PATCH", token: editorToken, params: params(rule.id), body: { name: "Edited" } })).body.data.name).toBe("Edited");
  });
});

describe("executing rules", () => {
  it("stops when the daily budget runs out, charges nothing beyond it, and refuses the next run naming the budget", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 1000);
    const token = await tokenFor(a.owner.id);
    const tasks = await createTasks(a.site, a.sector.id, 3);
    const rule = (await create(token, ruleBody(a, { limits: { max_items: 5, daily_budget: 25 } }))).body.data;
    const forecast = (await callApi(forecastRoute.GET, { token, params: params(rule.id) })).body.data;
    expect(forecast).toMatchObject({ credits_low: 30, credits_high: 50, picked: { kind: "task", count: 3 } });

    const res = await callApi(executeRoute.POST, { method: "POST", token, params: params(rule.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await waitForRun(res.body.data.task_id);
    const execution = await rootDb().automationExecution.findFirstOrThrow({ where: { ruleId: rule.id } });
    expect(execution.status).toBe("stopped");
    expect(execution.creditsSpent).toBe(20);
    expect(execution.stoppedReason).toMatch(/daily budget of "Write queued tasks": 25 credits/);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(980);
    expect(await rootDb().content.count({ where: { taskId: { in: tasks.map((t) => t.id) } } })).toBe(2);
    // The unwritten task goes back to the queue.
    expect(await rootDb().task.count({ where: { id: { in: tasks.map((t) => t.id) }, status: "queued" } })).toBe(1);

    const again = await callApi(executeRoute.POST, { method: "POST", token, params: params(rule.id) });
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/daily budget .* 5 left; the next item needs 10/);
    expect(await rootDb().automationExecution.count({ where: { ruleId: rule.id } })).toBe(1);
    const history = await callApi(executionsRoute.GET, { token, params: params(rule.id) });
    expect(history.body.data.results[0]).toMatchObject({ status: "stopped", credits_spent: 20 });
    expect(history.body.data.results[0].steps[0]).toMatchObject({ action: "generate_content", done: 2, failed: 1, credits: 20 });
  });

  it("writes, reviews and publishes to the hosted site; the quality gate keeps failing articles in review", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 1000);
    const token = await tokenFor(a.owner.id);
    await createTasks(a.site, a.sector.id, 2);
    const gate = { min_score: 0, min_words: 0, require_featured_image: false, no_placeholders: true, require_meta: false };
    const rule = (await create(token, ruleBody(a, { actions: [{ type: "generate_content" }, { type: "review" }, { type: "publish", destinations: ["hosted"] }], quality_gate: gate }))).body.data;
    await waitForRun((await callApi(executeRoute.POST, { method: "POST", token, params: params(rule.id) })).body.data.task_id);
    const execution = await rootDb().automationExecution.findFirstOrThrow({ where: { ruleId: rule.id } });
    expect(execution.status, JSON.stringify(execution.steps)).toBe("succeeded");
    const records = await rootDb().publishingRecord.findMany({ where: { siteId: a.site.id } });
    expect(records).toHaveLength(2);
    for (const r of records) if (r.status !== "published") await waitForPublished(r.id);

    // Nothing left to pick: the same tasks are never processed twice by the rule.
    expect((await callApi(executeRoute.POST, { method: "POST", token, params: params(rule.id) })).status).toBe(409);

    await createTasks(a.site, a.sector.id, 1);
    const strict = (await create(token, ruleBody(a, { name: "Strict", actions: [{ type: "generate_content" }, { type: "publish", destinations: ["hosted"] }], quality_gate: { ...gate, min_words: 20_000, require_featured_image: true } }))).body.data;
    await waitForRun((await callApi(executeRoute.POST, { method: "POST", token, params: params(strict.id) })).body.data.task_id);
    const blocked = await rootDb().automationExecution.findFirstOrThrow({ where: { ruleId: strict.id } });
    expect(blocked.status).toBe("completed_with_errors");
    const publish = (blocked.steps as { action: string; failed: number; notes: string[] }[]).find((s) => s.action === "publish")!;
    expect(publish.failed).toBe(1);
    expect(publish.notes.join(" ")).toMatch(/stays in review: .*fewer than 20000.*No featured image/);
    expect(await rootDb().publishingRecord.count({ where: { siteId: a.site.id } })).toBe(2);
  });
});

async function waitForPublished(recordId: number) {
  for (let i = 0; i < 100; i++) {
    const r = await rootDb().publishingRecord.findUniqueOrThrow({ where: { id: recordId } });
    if (r.status === "published") return;
    if (r.status === "failed") throw new Error(r.error ?? "publish failed");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("not published in time");
}

describe("schedules and events", () => {
  it("a due schedule starts one execution even when two ticks run at once; a skipped one starts none", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 1000);
    const token = await tokenFor(a.owner.id);
    await createTasks(a.site, a.sector.id, 1);
    const rule = (await create(token, ruleBody(a, { trigger: "schedule", cron: "0 9 * * *" }))).body.data;
    const due = new Date(Date.now() - 60_000);
    await rootDb().scheduledTask.deleteMany({ where: { ruleId: rule.id } });
    await rootDb().automationRule.update({ where: { id: rule.id }, data: { nextRunAt: due } });
    const [one, two] = await Promise.all([runDueAutomation(), runDueAutomation()]);
    expect(one.started + two.started).toBe(1);
    const executions = await rootDb().automationExecution.findMany({ where: { ruleId: rule.id } });
    expect(executions).toHaveLength(1);
    await waitForRun(executions[0].runId!);
    const after = await rootDb().automationRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    const tasks = await rootDb().scheduledTask.findMany({ where: { ruleId: rule.id }, orderBy: { dueAt: "asc" } });
    expect(tasks.map((t) => t.status)).toEqual(["started", "scheduled"]);
    expect(tasks[0].runId).toBe(executions[0].runId);

    // Skip the next one, then make it due: the tick starts nothing.
    const next = tasks[1];
    expect((await callApi(taskRoute.PATCH, { method: "PATCH", token, params: params(next.id), body: { status: "skipped" } })).body.data.status).toBe("skipped");
    await rootDb().scheduledTask.update({ where: { id: next.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    await rootDb().automationRule.update({ where: { id: rule.id }, data: { nextRunAt: new Date(Date.now() + 3600_000) } });
    await createTasks(a.site, a.sector.id, 1);
    expect((await runDueAutomation()).started).toBe(0);
    expect(await rootDb().automationExecution.count({ where: { ruleId: rule.id } })).toBe(1);
  });

  it("an event delivered twice acts once", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 1000);
    const token = await tokenFor(a.owner.id);
    await createTasks(a.site, a.sector.id, 1);
    const rule = (await create(token, ruleBody(a, { trigger: "event", event_type: "ideas.created", actions: [{ type: "generate_content" }] }))).body.data;
    const ctx: TenantContext = { userId: a.owner.id, accountId: a.account.id, role: "owner", crossAccount: false, siteAccess: "account" };
    const event = { type: "ideas.created" as const, siteId: a.site.id, sectorId: a.sector.id, key: "run-123" };
    const started = await Promise.all([emitAutomationEvent(scoped(ctx), ctx, event), emitAutomationEvent(scoped(ctx), ctx, event)]);
    expect(started[0] + started[1]).toBe(1);
    const executions = await rootDb().automationExecution.findMany({ where: { ruleId: rule.id } });
    expect(executions).toHaveLength(1);
    await waitForRun(executions[0].runId!);
  });

  it("ideas created by the pipeline trigger a rule listening to ideas.created, once", async () => {
    const { a } = await twoTenants();
    await setCredits(a.account.id, 1000);
    const token = await tokenFor(a.owner.id);
    const rule = (await create(token, ruleBody(a, { name: "Queue new ideas", trigger: "event", event_type: "ideas.created", actions: [{ type: "queue_tasks" }], limits: { max_items: 10 } }))).body.data;
    const keywords = await createKeywords(a.site, a.sector.id, ["compost bins", "worm farms"]);
    const cluster = await createCluster(a.site, a.sector.id, "Composting", keywords.map((k) => k.id));
    const ctx: TenantContext = { userId: a.owner.id, accountId: a.account.id, role: "owner", crossAccount: false, siteAccess: "account" };
    const run = await startRun(ctx, jobs.generateIdeas, { clusterIds: [cluster.id] }, { siteId: a.site.id, sectorId: a.sector.id });
    await waitForRun(run.id);
    const executions = await rootDb().automationExecution.findMany({ where: { ruleId: rule.id } });
    expect(executions).toHaveLength(1);
    expect(executions[0]).toMatchObject({ trigger: "event", triggerKey: `event:ideas.created:${run.id}` });
    await waitForRun(executions[0].runId!);
    const ideas = await rootDb().contentIdea.count({ where: { clusterId: cluster.id } });
    expect(ideas).toBeGreaterThan(0);
    expect(await rootDb().task.count({ where: { siteId: a.site.id } })).toBe(ideas);
  });
});

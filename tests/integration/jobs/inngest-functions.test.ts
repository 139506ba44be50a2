// The Inngest provider's functions are built from the job table and run the same handlers: driven
// here by @inngest/test (no Inngest server), on the real database and the OpenAI stub.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { functions, jobFunction } from "@/inngest/functions";
import { rootDb } from "@/lib/db/client";
import { startGenerateContent, startGenerateIdeas } from "@/lib/ai/service";
import { setJobProvider } from "@/lib/jobs/provider";
import { ALL_JOBS, ALL_SCHEDULES, jobs } from "@/lib/jobs/table";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { createCluster, createTasks, setupAIStub } from "@/tests/fixtures/ai";
import { recordOnlyProvider } from "@/tests/fixtures/jobs";

const holder = setupAIStub();

async function recordedEvent(runId: string) {
  const run = await rootDb().run.findUniqueOrThrow({ where: { id: runId } });
  return { name: run.eventName, data: run.eventData as Record<string, unknown> };
}

describe("Inngest functions built from the job table", () => {
  it("one function per job (concurrency keyed on the account across functions, cancellable) and one cron per schedule", () => {
    expect(functions).toHaveLength(ALL_JOBS.length + ALL_SCHEDULES.length);
    const opts = (jobFunction(jobs.generateContent) as unknown as { opts: Record<string, unknown> }).opts;
    expect(opts).toMatchObject({
      id: "generate-content",
      retries: 3,
      concurrency: [{ scope: "env", key: "event.data.accountId", limit: 10 }],
      cancelOn: [{ event: "system/run.cancel-requested", match: "data.runId" }],
      triggers: [{ event: "writer/tasks.content-requested" }],
    });
  });

  it("runs a pipeline with step.run per step and per item, and closes the run like the local provider", async () => {
    const { a } = await twoTenants();
    const tasks = await createTasks(a.site, a.sector.id, 3);
    setJobProvider(recordOnlyProvider);
    const run = await startGenerateContent(await contextFor(a.owner.id), tasks.map((t) => t.id));
    const t = new InngestTestEngine({ function: jobFunction(jobs.generateContent), events: [(await recordedEvent(run.id)) as never] });
    const { ctx } = await t.execute();
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(expect.arrayContaining(["start", "mark-in-progress", ...tasks.map((task) => `content-${task.id}`), "finish"]));
    const done = await rootDb().run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ status: "succeeded", done: 3, succeeded: 3, credits: 30 });
    expect(await rootDb().content.count({ where: { taskId: { in: tasks.map((task) => task.id) } } })).toBe(3);
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(3);
  });

  it("a retry of failed items (a new Inngest run) skips the items that succeeded before", async () => {
    const { a } = await twoTenants();
    const clusters = await Promise.all(["One", "Two"].map((n) => createCluster(a.site, a.sector.id, n)));
    setJobProvider(recordOnlyProvider);
    const run = await startGenerateIdeas(await contextFor(a.owner.id), clusters.map((c) => c.id));
    holder.stub.fail("401", 1);
    await new InngestTestEngine({ function: jobFunction(jobs.generateIdeas), events: [(await recordedEvent(run.id)) as never] }).execute();
    expect(await rootDb().run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "completed_with_errors", succeeded: 1, failed: 1 });
    const { reopenForRetry } = await import("@/lib/jobs/store");
    expect(await reopenForRetry(run.id)).toBe(true);
    const failed = await rootDb().runStep.findFirstOrThrow({ where: { runId: run.id, status: "failed" } }).catch(() => null);
    expect(failed).toBeNull(); // reopened: only the succeeded item's step is kept
    const kept = await rootDb().runStep.findFirstOrThrow({ where: { runId: run.id, item: true } });
    const keptCluster = clusters.find((c) => kept.name === `ideas-${c.id}`)!;
    const calls = holder.stub.requests.length;
    await new InngestTestEngine({ function: jobFunction(jobs.generateIdeas), events: [(await recordedEvent(run.id)) as never] }).execute();
    const prompts = holder.stub.requests.slice(calls).map((r) => JSON.stringify(r.body));
    expect(prompts.length).toBeGreaterThan(0);
    const redone = clusters.find((c) => c !== keptCluster)!;
    const mentions = (name: string) => prompts.some((p) => p.includes(`keyword cluster \\"${name}\\"`));
    expect([mentions(redone.name), mentions(keptCluster.name)]).toEqual([true, false]);
    expect(await rootDb().run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", succeeded: 2, failed: 0, credits: 4 });
    expect(await rootDb().creditTransaction.count({ where: { runId: run.id } })).toBe(2);
  });
});

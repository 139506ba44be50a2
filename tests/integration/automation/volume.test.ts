// Several accounts' rules at once against a slow model: each stops at its own budget, nothing is
// charged twice (also when the runs are retried), and the wall time stays near the concurrency
// limit's ideal. Prints the figures.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { createRule, executeRule } from "@/lib/automation/service";
import { retryRun } from "@/lib/runs/service";
import { createTasks, setCredits, setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { createAccount, createSector, createSite } from "@/tests/fixtures/factories";

const stub = setupAIStub();
const ACCOUNTS = 6;
const TASKS = 6;
const BUDGET = 45; // 4 articles of 10 credits fit, the 5th does not

describe("automation at volume", () => {
  it(`${ACCOUNTS} accounts' rules at once with a slow model: budgets hold, nothing is charged twice`, async () => {
    stub.stub.latencyMs = 400;
    const tenants = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const { account, owner } = await createAccount();
      const site = await createSite(account.id);
      const sector = await createSector(site);
      await setCredits(account.id, 1000);
      await createTasks(site, sector.id, TASKS);
      const ctx: TenantContext = { userId: owner.id, accountId: account.id, role: "owner", crossAccount: false, siteAccess: "account" };
      const rule = await createRule(scoped(ctx), ctx, {
        siteId: site.id,
        sectorId: sector.id,
        name: `Volume ${i}`,
        trigger: "manual",
        conditions: {},
        actions: [{ type: "generate_content" }],
        limits: { maxItems: TASKS, dailyBudget: BUDGET },
        qualityGate: { minScore: 0, minWords: 0, requireFeaturedImage: false, noPlaceholders: true, requireMeta: false },
      });
      tenants.push({ account, ctx, rule });
    }
    const started = Date.now();
    const runs = await Promise.all(tenants.map((t) => executeRule(scoped(t.ctx), t.ctx, t.rule.id)));
    await Promise.all(runs.map((r) => waitForRun(r.run.id, 120_000)));
    const wallMs = Date.now() - started;

    for (const t of tenants) {
      const execution = await rootDb().automationExecution.findFirstOrThrow({ where: { ruleId: t.rule.id } });
      expect(execution.status).toBe("stopped");
      expect(execution.creditsSpent).toBe(40);
      expect((await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits).toBe(960);
      expect(await rootDb().content.count({ where: { accountId: t.account.id } })).toBe(4);
    }
    // Retrying every run: the failed (budget) items are tried again and stopped again; the done ones are not charged again.
    const retried = await Promise.all(tenants.map((t, i) => retryRun(scoped(t.ctx), t.ctx, runs[i].run.id)));
    await Promise.all(retried.map((r) => waitForRun(r.id, 120_000)));
    const charges = await rootDb().creditTransaction.findMany({ where: { accountId: { in: tenants.map((t) => t.account.id) }, amount: { lt: 0 } } });
    expect(charges).toHaveLength(ACCOUNTS * 4);
    expect(new Set(charges.map((c) => c.idempotencyKey)).size).toBe(charges.length);
    for (const t of tenants) expect((await rootDb().account.findUniqueOrThrow({ where: { id: t.account.id } })).credits).toBe(960);
    const calls = stub.stub.requests.filter((r) => r.path.includes("chat")).length;
    console.log(`automation volume: ${ACCOUNTS} accounts × ${TASKS} tasks, budget ${BUDGET}/day: ${ACCOUNTS * 4} articles, ${calls} model calls, ${charges.length} charges, wall ${wallMs} ms at ${stub.stub.latencyMs} ms/call`);
    expect(calls).toBe(ACCOUNTS * 4);
  }, 300_000);
});

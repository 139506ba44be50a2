import { afterEach, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as status from "@/app/api/v1/admin/status/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createDeveloper } from "@/tests/fixtures/factories";

type Item = { name: string; status: string; detail: string };
const item = (items: Item[], name: string) => items.find((i) => i.name === name)!;

afterEach(() => {
  delete process.env.INNGEST_BASE_URL;
  delete process.env.STRIPE_SECRET_KEY;
});

describe("system status: background runtime, queue depth, payments", () => {
  it("reports the runtime mode and the runs waiting, running and failed", async () => {
    const token = await tokenFor((await createDeveloper()).id);
    const { account } = await createAccount();
    const run = (status: "pending" | "running" | "failed", minutesAgo = 0) =>
      rootDb().run.create({ data: { accountId: account.id, kind: "auto_cluster", functionId: "auto-cluster-keywords", eventName: "x", eventData: {}, status, createdAt: new Date(Date.now() - minutesAgo * 60_000), finishedAt: status === "failed" ? new Date() : null } });
    await Promise.all([run("pending", 25), run("pending"), run("running"), run("failed")]);

    const res = await callApi(status.GET, { token });
    expect(res.status).toBe(200);
    const items = res.body.data.items as Item[];
    expect(item(items, "Background runtime").detail).toMatch(/^Local queue in PostgreSQL \(no Inngest server configured\) · driving \d+ runs? in this process/);
    expect(item(items, "Run queue")).toMatchObject({ status: "warning", detail: expect.stringMatching(/^2 pending · 1 running · oldest waiting 25 min · 1 failed in the last 24 h$/) });
    expect(item(items, "Payments").detail).toMatch(/Stripe not configured/);

    process.env.INNGEST_BASE_URL = "http://127.0.0.1:8288";
    process.env.STRIPE_SECRET_KEY = "sk_test_x";
    const again = (await callApi(status.GET, { token })).body.data.items as Item[];
    expect(item(again, "Background runtime").detail).toMatch(/^Inngest server \(http:\/\/127\.0\.0\.1:8288\)/);
    expect(item(again, "Payments")).toMatchObject({ status: "warning", detail: expect.stringMatching(/test mode.*no STRIPE_WEBHOOK_SECRET/) });
  });
});

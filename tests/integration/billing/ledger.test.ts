import { describe, expect, it } from "vitest";
import { addCredits, deductCredits } from "@/lib/billing/credits";
import { rootDb } from "@/lib/db/client";
import { InsufficientCreditsError } from "@/lib/errors";
import * as adjust from "@/app/api/v1/admin/accounts/[id]/adjust_credits/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { expectConsistentLedger } from "@/tests/fixtures/billing";
import { createAccount, createDeveloper } from "@/tests/fixtures/factories";

describe("ledger correctness under concurrency", () => {
  it("concurrent charges, grants, refunds and admin adjustments: the balance is the ledger's sum and never negative", async () => {
    const { account } = await createAccount(); // the default plan's credits, granted at sign-up
    const dev = await tokenFor((await createDeveloper()).id);
    const charge = (i: number) => rootDb().$transaction((tx) => deductCredits(tx, { accountId: account.id, amount: 20, idempotencyKey: `ledger-${account.id}-${i}`, description: "usage" }));
    const grant = (type: "grant" | "refund" | "purchase") => rootDb().$transaction((tx) => addCredits(tx, { accountId: account.id, amount: 5, type, description: type }));
    const adjustment = (amount: number) => callApi(adjust.POST, { method: "POST", token: dev, params: { id: String(account.id) }, body: { amount, reason: "concurrency test" } });

    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) work.push(charge(i));
    for (let i = 0; i < 10; i++) work.push(grant((["grant", "refund", "purchase"] as const)[i % 3]));
    for (let i = 0; i < 10; i++) work.push(adjustment(i % 2 ? -30 : 12));
    // The same charge twice more: refused by its idempotency key, never charged again.
    work.push(charge(0), charge(1));
    const results = await Promise.allSettled(work);

    for (const r of results) {
      if (r.status === "rejected") expect(r.reason instanceof InsufficientCreditsError || /unique|23505|P2002|P2010/i.test(`${r.reason?.code} ${r.reason?.message}`), String(r.reason)).toBe(true);
    }
    expect(results.some((r) => r.status === "rejected" && r.reason instanceof InsufficientCreditsError)).toBe(true); // it did run out
    const adjustments = results.slice(70, 80).map((r) => (r as PromiseFulfilledResult<{ status: number }>).value.status);
    expect(adjustments.every((s) => s === 201 || s === 400)).toBe(true);

    const { balance, rows } = await expectConsistentLedger(account.id);
    expect(balance).toBeGreaterThanOrEqual(0);
    const charges = await rootDb().creditTransaction.count({ where: { accountId: account.id, type: "usage" } });
    expect(charges).toBeLessThanOrEqual(60);
    expect(rows).toBe(1 + charges + 10 + adjustments.filter((s) => s === 201).length);
  });

  it("deductions racing a balance that runs out stop exactly at zero", async () => {
    const { account } = await createAccount();
    const { credits } = await rootDb().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(credits % 25).toBe(0);
    const results = await Promise.allSettled(Array.from({ length: credits / 25 + 20 }, (_, i) => rootDb().$transaction((tx) => deductCredits(tx, { accountId: account.id, amount: 25, idempotencyKey: `zero-${account.id}-${i}`, description: "usage" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(credits / 25);
    expect((await expectConsistentLedger(account.id)).balance).toBe(0);
  });
});

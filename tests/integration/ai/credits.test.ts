import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { addCredits, calculateCredits, deductCredits, getBalance } from "@/lib/billing/credits";
import { InsufficientCreditsError } from "@/lib/errors";
import { createAccount } from "@/tests/fixtures/factories";
import { setCredits } from "@/tests/fixtures/ai";

describe("credit service", () => {
  it("records sign-up credits in the ledger as a grant", async () => {
    const { account } = await createAccount();
    const ledger = await rootDb().creditTransaction.findMany({ where: { accountId: account.id } });
    const plan = await rootDb().plan.findUniqueOrThrow({ where: { id: account.planId } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ type: "grant", amount: plan.includedCredits, balanceAfter: plan.includedCredits });
    expect(await getBalance(rootDb(), account.id)).toBe(plan.includedCredits);
  });

  it("50 concurrent charges against a balance that affords 20: exactly 20 succeed, never below zero", async () => {
    const { account } = await createAccount();
    await setCredits(account.id, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        rootDb().$transaction((tx) => deductCredits(tx, { accountId: account.id, amount: 5, idempotencyKey: `conc-${account.id}-${i}`, description: "test" })),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(20);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientCreditsError)).toBe(true);
    expect(await getBalance(rootDb(), account.id)).toBe(0);
    const ledger = await rootDb().creditTransaction.findMany({ where: { accountId: account.id, type: "usage" }, orderBy: { balanceAfter: "desc" } });
    expect(ledger.map((l) => l.balanceAfter)).toEqual(Array.from({ length: 20 }, (_, i) => 95 - i * 5));
  });

  it("the same idempotency key never charges twice, even concurrently", async () => {
    const { account } = await createAccount();
    await setCredits(account.id, 100);
    const key = `same-${account.id}`;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => rootDb().$transaction((tx) => deductCredits(tx, { accountId: account.id, amount: 7, idempotencyKey: key, description: "x" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getBalance(rootDb(), account.id)).toBe(93);
  });

  it("adds purchases and refuses adjustments below zero; calculates per-operation credits", async () => {
    const { account } = await createAccount();
    await setCredits(account.id, 10);
    await rootDb().$transaction((tx) => addCredits(tx, { accountId: account.id, amount: 25, type: "purchase", description: "top-up" }));
    expect(await getBalance(rootDb(), account.id)).toBe(35);
    await expect(rootDb().$transaction((tx) => addCredits(tx, { accountId: account.id, amount: -50, type: "adjustment", description: "x" }))).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect(calculateCredits("auto_cluster", 50)).toBe(3);
    expect(calculateCredits("auto_cluster", 20)).toBe(1);
    expect(calculateCredits("generate_content", 2)).toBe(20);
    expect(calculateCredits("generate_images", 0)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { contextFor } from "@/tests/fixtures/factories";
import { writerTenants } from "@/tests/fixtures/writer";

// The writer services run several writes in scoped interactive transactions: the tenant filter
// must hold inside them too.
describe("scoped interactive transactions", () => {
  it("keep the tenant filter on reads, writes and creates", async () => {
    const { a, b } = await writerTenants();
    const taskB = await rootDb().task.create({ data: { accountId: b.account.id, siteId: b.site.id, sectorId: b.sector.id, title: "B" } });
    const ctx = await contextFor(a.owner.id);
    await scoped(ctx).$transaction(async (tx) => {
      expect(await tx.task.findMany({ where: { id: taskB.id } })).toEqual([]);
      expect((await tx.task.updateMany({ where: { id: taskB.id }, data: { title: "hijack" } })).count).toBe(0);
      expect((await tx.task.deleteMany({ where: { id: taskB.id } })).count).toBe(0);
      await expect(tx.task.create({ data: { accountId: a.account.id, siteId: b.site.id, sectorId: b.sector.id, title: "x" } })).rejects.toThrow(/not found/i);
    });
    expect(await rootDb().task.findUniqueOrThrow({ where: { id: taskB.id } })).toMatchObject({ title: "B" });
  });
});

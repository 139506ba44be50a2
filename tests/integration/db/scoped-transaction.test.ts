// Writes through the scoped client inside `db.$transaction(async (tx) => …)` must run on the
// transaction's connection: rolled back with it, and never waiting for a second connection.
import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";

describe("scoped interactive transactions run on the transaction's connection", () => {
  it("rolls back creates, updates and raw SQL made through the scoped client when the transaction throws", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const title = `rollback-${Date.now()}`;
    const before = (await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits;
    await expect(
      scoped(ctx).$transaction(async (tx) => {
        await tx.task.create({ data: { accountId: 0, siteId: a.site.id, sectorId: a.sector.id, title } });
        await tx.$executeRaw`UPDATE accounts SET credits = credits - 1 WHERE id = ${a.account.id}`;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await rootDb().task.count({ where: { title } })).toBe(0);
    expect((await rootDb().account.findUniqueOrThrow({ where: { id: a.account.id } })).credits).toBe(before);
  });

  it("a create that checks its site's placement needs no second connection (pool of one)", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const single = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
    try {
      const title = `one-connection-${Date.now()}`;
      await scoped(ctx, single).$transaction(async (tx) => {
        await tx.task.create({ data: { accountId: 0, siteId: a.site.id, sectorId: a.sector.id, title } });
        await tx.image.create({ data: { accountId: 0, siteId: a.site.id, sectorId: a.sector.id, prompt: "p" } });
      }, { maxWait: 2_000, timeout: 3_000 });
      expect(await rootDb().task.count({ where: { title } })).toBe(1);
    } finally {
      await single.$disconnect();
    }
  });
});

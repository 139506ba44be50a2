// The "does my domain point here?" check of the site settings: DNS against the app's host;
// another account's site is not found, viewers and editors cannot run it, a missing domain says so.
import { afterEach, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { checkSiteDomain } from "@/lib/sites/domain-check";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";

afterEach(() => {
  delete process.env.APP_URL;
});

describe("domain check", () => {
  it("points here when the domain resolves to the app's host; not when it does not resolve", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    expect(await checkSiteDomain(scoped(ctx), ctx, a.site.id)).toMatchObject({ pointsHere: false, host: null, detail: expect.stringContaining("Set the site's domain first") });

    await rootDb().site.update({ where: { id: a.site.id }, data: { domain: "https://localhost" } });
    const here = await checkSiteDomain(scoped(ctx), ctx, a.site.id);
    expect(here).toMatchObject({ host: "localhost", appHost: "localhost", pointsHere: true });
    expect(here.addresses.length).toBeGreaterThan(0);

    await rootDb().site.update({ where: { id: a.site.id }, data: { domain: "https://no-such-host.invalid" } });
    const nowhere = await checkSiteDomain(scoped(ctx), ctx, a.site.id);
    expect(nowhere).toMatchObject({ host: "no-such-host.invalid", pointsHere: false, addresses: [], detail: expect.stringContaining("No DNS record found") });
  });

  it("another account's site is not found; viewers and editors may not run it; nothing changes", async () => {
    const { a, b } = await twoTenants();
    await rootDb().site.update({ where: { id: b.site.id }, data: { domain: "https://localhost" } });
    const ctx = await contextFor(a.owner.id);
    await expect(checkSiteDomain(scoped(ctx), ctx, b.site.id)).rejects.toMatchObject({ status: 404 });
    await expect(checkSiteDomain(scoped(ctx), ctx, 2_000_000_000)).rejects.toMatchObject({ status: 404 });
    for (const role of ["viewer", "editor"] as const) {
      const user = await createUser(a.account.id, role, [a.site.id]);
      const userCtx = await contextFor(user.id);
      await expect(checkSiteDomain(scoped(userCtx), userCtx, a.site.id)).rejects.toMatchObject({ status: 403 });
    }
    expect((await rootDb().site.findUniqueOrThrow({ where: { id: b.site.id } })).domain).toBe("https://localhost");
  });
});

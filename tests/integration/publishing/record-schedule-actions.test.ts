// The app's Reschedule and Cancel of a scheduled publish (the server action behind the publish panel
// and the site's publishing records): same service as PATCH /publishing-records/{id}/, same rules.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { updateScheduledRecordAction } from "@/lib/publishing/actions";
import { requestPublish } from "@/lib/publishing/service";
import { rootDb } from "@/lib/db/client";
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { signInAs } from "@/tests/fixtures/actions";
import { createUser, dbFor, twoTenants } from "@/tests/fixtures/factories";
import { createArticle } from "@/tests/fixtures/publishing";

vi.mock("@/lib/auth/context", async (original) => (await import("@/tests/fixtures/actions")).actionContextModule(original as never));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

async function scheduled(userId: number, site: Parameters<typeof createArticle>[0], sector: { id: number }) {
  const content = await createArticle(site, sector, { images: false });
  const { ctx, db } = await dbFor(userId);
  const when = inHours(1);
  await requestPublish(db, ctx, { contentId: content.id, destinations: ["hosted"], scheduledAt: when });
  const record = await rootDb().publishingRecord.findFirstOrThrow({ where: { contentId: content.id } });
  expect(record.status).toBe("scheduled");
  return { id: record.id, when, content };
}

const unchanged = async (id: number, when: Date) => expect(await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "scheduled", scheduledAt: when });

beforeEach(() => signInAs(null));

describe("updateScheduledRecordAction", () => {
  it("reschedules (toast in the user's time zone), then cancels: the scheduler no longer publishes it", async () => {
    const { a } = await twoTenants();
    const { id, content } = await scheduled(a.owner.id, a.site, a.sector);
    signInAs(a.owner.id);
    const later = new Date(Date.UTC(2099, 0, 15, 13, 30));
    const moved = await updateScheduledRecordAction({ id, scheduledAt: later, timeZone: "Europe/Berlin" });
    expect(moved).toMatchObject({ ok: true, message: "Rescheduled for 15 Jan 2099, 14:30 (Europe/Berlin).", data: { id, status: "scheduled", scheduledAt: later } });
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).scheduledAt).toEqual(later);

    // The form sends what a datetime-local input holds, as an ISO string too.
    const iso = inHours(5);
    expect(await updateScheduledRecordAction({ id, scheduledAt: iso.toISOString() as unknown as Date })).toMatchObject({ ok: true, message: expect.stringMatching(/\(UTC\)\.$/) });

    const cancelled = await updateScheduledRecordAction({ id, status: "cancelled" });
    expect(cancelled).toMatchObject({ ok: true, message: "Scheduled publish cancelled.", data: { status: "cancelled", scheduledAt: null } });
    expect(await publishDueRecords()).toBe(0);
    expect(await rootDb().hostedPost.count({ where: { contentId: content.id } })).toBe(0);

    const again = await updateScheduledRecordAction({ id, scheduledAt: inHours(2) });
    expect(again).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/Only a scheduled publish/) });
    expect((await rootDb().publishingRecord.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");
  });

  it("bad input → field errors, nothing changed", async () => {
    const { a } = await twoTenants();
    const { id, when } = await scheduled(a.owner.id, a.site, a.sector);
    signInAs(a.owner.id);
    const cases: [unknown, string][] = [
      [{ id, scheduledAt: new Date(Date.now() - 60_000) }, "scheduledAt"],
      [{ id, scheduledAt: new Date(Date.now() + 5_000) }, "scheduledAt"],
      [{ id, scheduledAt: "" }, "scheduledAt"],
      [{ id, scheduledAt: "next tuesday" }, "scheduledAt"],
      [{ id }, "scheduledAt"],
      [{ id, status: "published" }, "status"],
      [{ id, status: "cancelled", scheduledAt: inHours(3) }, "scheduledAt"],
      [{ id, scheduledAt: inHours(3), timeZone: "Mars/Olympus" }, "timeZone"],
      [{ id, status: "cancelled", remoteUrl: "https://evil.example" }, "_"],
      [{ id: "abc", status: "cancelled" }, "id"],
      [{ id: -1, status: "cancelled" }, "id"],
    ];
    for (const [input, field] of cases) {
      const result = await updateScheduledRecordAction(input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.code, JSON.stringify(input)).toBe("validation_error");
      expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await updateScheduledRecordAction({ id: 2_000_000_000, status: "cancelled" })).toMatchObject({ ok: false, code: "not_found" });
    await unchanged(id, when);
  });

  it("cross-tenant → not found; viewers refused; editors only on their sites; no session refused; nothing changed", async () => {
    const { a, b } = await twoTenants();
    const { id, when } = await scheduled(a.owner.id, a.site, a.sector);
    const cancel = { id, status: "cancelled" as const };

    signInAs(b.owner.id);
    expect(await updateScheduledRecordAction(cancel)).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateScheduledRecordAction({ id, scheduledAt: inHours(4) })).toMatchObject({ ok: false, code: "not_found" });
    signInAs((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect(await updateScheduledRecordAction(cancel)).toMatchObject({ ok: false, code: "forbidden" });
    signInAs((await createUser(a.account.id, "editor", [])).id);
    expect(await updateScheduledRecordAction(cancel)).toMatchObject({ ok: false, code: "not_found" });
    signInAs(null);
    expect(await updateScheduledRecordAction(cancel)).toMatchObject({ ok: false, code: "unauthorized" });
    await unchanged(id, when);

    signInAs((await createUser(a.account.id, "editor", [a.site.id])).id);
    expect(await updateScheduledRecordAction(cancel)).toMatchObject({ ok: true, data: { status: "cancelled" } });
  });
});

// The admin page's save of system settings (a server action on the same service as PATCH
// /system/settings/system/): developers only, bad values → field errors, every change audited.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rootDb } from "@/lib/db/client";
import { updateSystemSettingsAction } from "@/lib/system/actions";
import { maintenanceBanner } from "@/lib/system/settings";
import { signInAs } from "@/tests/fixtures/actions";
import { createDeveloper, createUser, twoTenants } from "@/tests/fixtures/factories";

vi.mock("@/lib/auth/context", async (original) => (await import("@/tests/fixtures/actions")).actionContextModule(original as never));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/** What the form sends: every field, empty ones as null. */
const FORM = {
  defaultModels: { text: null, image: null, runware: null },
  creditPrices: { autoCluster: null, generateIdeas: null, generateContent: null, generateImagePrompts: null, generateImages: null, optimizeContent: null },
  features: { signups: true, imageGeneration: true },
  maintenance: { enabled: false, message: "" },
};

beforeEach(() => signInAs(null));
afterEach(async () => {
  signInAs((await createDeveloper()).id);
  await updateSystemSettingsAction(FORM);
  signInAs(null);
});

describe("updateSystemSettingsAction", () => {
  it("a developer saves the whole form: only what changed is recorded; the same form again records nothing", async () => {
    const dev = await createDeveloper();
    signInAs(dev.id);
    const before = await rootDb().systemSettingsChange.count();
    const form = { ...FORM, maintenance: { enabled: true, message: "Upgrade tonight 22:00 UTC." }, creditPrices: { ...FORM.creditPrices, generateContent: 12 }, features: { ...FORM.features, signups: false } };
    const saved = await updateSystemSettingsAction(form);
    expect(saved).toMatchObject({ ok: true, message: "System settings saved.", data: { maintenance: { enabled: true, message: "Upgrade tonight 22:00 UTC." }, creditPrices: { generate_content: 12 }, features: { signups: false } } });
    expect(await maintenanceBanner()).toBe("Upgrade tonight 22:00 UTC.");
    const change = await rootDb().systemSettingsChange.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(change).toMatchObject({ userId: dev.id, userEmail: dev.email });
    expect(change.changes).toEqual({
      "maintenance.enabled": { before: false, after: true },
      "maintenance.message": { before: "", after: "Upgrade tonight 22:00 UTC." },
      "creditPrices.generate_content": { before: null, after: 12 },
      "features.signups": { before: true, after: false },
    });
    // The page shows the recent changes from the result.
    expect(saved.ok && saved.data.changes[0]).toMatchObject({ id: change.id, userEmail: dev.email });

    expect(await updateSystemSettingsAction(form)).toMatchObject({ ok: true, message: expect.stringMatching(/Nothing to save/) });
    expect(await rootDb().systemSettingsChange.count()).toBe(before + 1);
  });

  it("owners and admins of any account (the system account too) and editors are refused; no session refused; nothing changed", async () => {
    const { a } = await twoTenants();
    const system = await rootDb().account.findUniqueOrThrow({ where: { slug: "system" } });
    const count = await rootDb().systemSettingsChange.count();
    const input = { ...FORM, maintenance: { enabled: true, message: "Hacked" } };
    for (const userId of [a.owner.id, (await createUser(a.account.id, "admin")).id, (await createUser(a.account.id, "editor", [a.site.id])).id, (await createUser(system.id, "admin")).id]) {
      signInAs(userId);
      expect(await updateSystemSettingsAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    }
    signInAs(null);
    expect(await updateSystemSettingsAction(input)).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await rootDb().systemSettingsChange.count()).toBe(count);
    expect(await maintenanceBanner()).toBeNull();
  });

  it("invalid values → errors on their fields, nothing changed or recorded", async () => {
    signInAs((await createDeveloper()).id);
    const count = await rootDb().systemSettingsChange.count();
    const cases: [unknown, string][] = [
      [{ ...FORM, maintenance: { enabled: true, message: "" } }, "maintenance.message"],
      [{ ...FORM, maintenance: { enabled: true, message: "   " } }, "maintenance.message"],
      [{ ...FORM, maintenance: { enabled: true, message: "x".repeat(501) } }, "maintenance.message"],
      [{ ...FORM, creditPrices: { ...FORM.creditPrices, generateIdeas: -1 } }, "creditPrices.generateIdeas"],
      [{ ...FORM, creditPrices: { ...FORM.creditPrices, generateIdeas: 2.5 } }, "creditPrices.generateIdeas"],
      [{ ...FORM, creditPrices: { ...FORM.creditPrices, generateIdeas: 10_001 } }, "creditPrices.generateIdeas"],
      [{ ...FORM, creditPrices: { ...FORM.creditPrices, generateIdeas: "5" } }, "creditPrices.generateIdeas"],
      [{ ...FORM, creditPrices: { ...FORM.creditPrices, test: 1 } }, "creditPrices"],
      [{ ...FORM, defaultModels: { ...FORM.defaultModels, text: "bad model!" } }, "defaultModels.text"],
      [{ ...FORM, defaultModels: { ...FORM.defaultModels, text: "" } }, "defaultModels.text"],
      [{ ...FORM, features: { ...FORM.features, signups: "off" } }, "features.signups"],
      [{}, "_"],
      [{ ...FORM, plans: {} }, "_"],
    ];
    for (const [input, field] of cases) {
      const result = await updateSystemSettingsAction(input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.code, JSON.stringify(input)).toBe("validation_error");
      expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await rootDb().systemSettingsChange.count()).toBe(count);
    expect(await maintenanceBanner()).toBeNull();
  });
});

"use server";

import { defineAction, withToast } from "@/lib/http/action";
import { updateSystemSettingsSchema } from "./settings-schema";
import { readSystemSettings, updateSystemSettings } from "./settings";

export const updateSystemSettingsAction = defineAction({ schema: updateSystemSettingsSchema, permission: "administer", revalidate: "/admin/settings" }, async (ctx, input) => {
  const lastChange = (await readSystemSettings(ctx)).changes[0]?.id;
  const saved = await updateSystemSettings(ctx, input);
  return withToast(saved, saved.changes[0]?.id === lastChange ? "Nothing to save: the settings already had these values." : "System settings saved.");
});

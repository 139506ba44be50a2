"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { createIntegrationSchema, updateIntegrationSchema } from "./schemas";
import { createIntegration, deleteIntegration, importSiteWordPress, testIntegration, updateIntegration } from "./service";
import { requestSync } from "./sync";
import { rotateSigningSecret, sendTestEvent } from "./webhooks";

export const createIntegrationAction = defineAction({ schema: createIntegrationSchema, permission: "manageAccount" }, async (ctx, input) =>
  withToast(await createIntegration(scoped(ctx), ctx, input), "Integration added. Test the connection next."),
);

export const updateIntegrationAction = defineAction({ schema: updateIntegrationSchema.extend({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id, ...input }) =>
  withToast(await updateIntegration(scoped(ctx), ctx, id, input), "Integration saved."),
);

export const deleteIntegrationAction = defineAction({ schema: z.object({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id }) => {
  await deleteIntegration(scoped(ctx), ctx, id);
  return withToast(null, "Integration removed.");
});

export const testIntegrationAction = defineAction({ schema: z.object({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id }) => {
  const result = await testIntegration(scoped(ctx), ctx, id);
  return withToast(result, result.ok ? "Connection works." : "The connection has problems: see the checks.");
});

export const syncIntegrationAction = defineAction({ schema: z.object({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id }) => requestSync(scoped(ctx), ctx, id));

export const importSiteWordPressAction = defineAction({ schema: z.object({ siteId: idSchema }), permission: "manageAccount" }, async (ctx, { siteId }) =>
  withToast(await importSiteWordPress(scoped(ctx), ctx, siteId), "The site's WordPress connection is now an integration."),
);

/** The result is toasted by the button: success or the receiver's failure, with the new log row. */
export const sendTestEventAction = defineAction({ schema: z.object({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id }) => sendTestEvent(scoped(ctx), ctx, id));

export const rotateSigningSecretAction = defineAction({ schema: z.object({ id: idSchema }), permission: "manageAccount" }, async (ctx, { id }) =>
  withToast(await rotateSigningSecret(scoped(ctx), ctx, id), "New signing secret generated. Copy it now: it will not be shown again."),
);

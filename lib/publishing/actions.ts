"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { deploySite } from "./deployments";
import { createPage, deletePage, reorderPages, updatePage } from "./pages";
import { updateScheduledRecord } from "./record-schedule";
import { createPageSchema, publishingSettingsSchema, publishSchema, reorderPagesSchema, unpublishSchema, updatePageSchema, updateRecordActionSchema } from "./schemas";
import { requestPublish, unpublishContent } from "./service";
import { updatePublishingSettings } from "./settings";

export const publishContentAction = defineAction({ schema: publishSchema, permission: "write" }, async (ctx, input) => {
  const started = await requestPublish(scoped(ctx), ctx, input);
  return withToast(started, input.scheduledAt ? `Scheduled for ${input.scheduledAt.toLocaleString("en", { timeZone: "UTC" })} UTC.` : "Publishing started.");
});

export const unpublishContentAction = defineAction({ schema: unpublishSchema, permission: "write" }, async (ctx, input) => {
  const result = await unpublishContent(scoped(ctx), ctx, input);
  const failed = result.results.filter((r) => !r.ok);
  return withToast(result, failed.length ? `Unpublish failed on ${failed.length} destination(s): ${failed[0].error}` : "Unpublished.");
});

/** Reschedule or cancel a scheduled publish (the PATCH of a publishing record). */
export const updateScheduledRecordAction = defineAction({ schema: updateRecordActionSchema, permission: "write" }, async (ctx, { id, timeZone, ...input }) => {
  const record = await updateScheduledRecord(scoped(ctx), ctx, id, input);
  if (input.status === "cancelled") {
    return withToast(record, record.destination === "wordpress" ? "Scheduled publish cancelled; the WordPress post is back to draft." : "Scheduled publish cancelled.");
  }
  const when = record.scheduledAt!.toLocaleString("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return withToast(record, `Rescheduled for ${when} (${timeZone}).`);
});

export const updatePublishingSettingsAction = defineAction({ schema: publishingSettingsSchema.extend({ siteId: idSchema }), permission: "manageAccount" }, async (ctx, { siteId, ...input }) =>
  withToast(await updatePublishingSettings(scoped(ctx), ctx, siteId, input), "Publishing settings saved."),
);

export const createPageAction = defineAction({ schema: createPageSchema, permission: "write" }, async (ctx, input) => withToast(await createPage(scoped(ctx), ctx, input), "Page added."));

export const updatePageAction = defineAction({ schema: updatePageSchema.extend({ id: idSchema }), permission: "write" }, async (ctx, { id, ...input }) => withToast(await updatePage(scoped(ctx), ctx, id, input), "Page saved."));

export const deletePageAction = defineAction({ schema: z.object({ id: idSchema }), permission: "write" }, async (ctx, { id }) => {
  await deletePage(scoped(ctx), ctx, id);
  return withToast(null, "Page removed.");
});

export const reorderPagesAction = defineAction({ schema: reorderPagesSchema, permission: "write" }, async (ctx, { siteId, ids }) => reorderPages(scoped(ctx), ctx, siteId, ids));

export const deploySiteAction = defineAction({ schema: z.object({ siteId: idSchema }), permission: "write" }, async (ctx, { siteId }) => {
  const record = await deploySite(scoped(ctx), ctx, siteId);
  return withToast(record, record.status === "deployed" ? `Deployed version ${record.version}.` : `Not deployed: ${record.error}`);
});

"use server";

import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { plural } from "@/lib/writer/lookups";
import { trashEntryIdsSchema } from "./schemas";
import { purgeTrash, restoreTrash } from "./service";

// The items come back to (or leave) the planner and writer lists too.
const PAGES = ["/trash", "/planner", "/writer"];

export const restoreTrashAction = defineAction({ schema: trashEntryIdsSchema, permission: "write", revalidate: PAGES }, async (ctx, { ids }) => {
  const report = await restoreTrash(scoped(ctx), ctx, ids);
  return withToast(report, [`Restored ${plural(report.restored, "item")}.`, ...report.notes].join(" "));
});

export const purgeTrashAction = defineAction({ schema: trashEntryIdsSchema, permission: "manageAccount", revalidate: "/trash" }, async (ctx, { ids }) => {
  const { purged } = await purgeTrash(scoped(ctx), ctx, ids);
  return withToast({ purged }, `Deleted ${plural(purged, "item")} forever.`);
});

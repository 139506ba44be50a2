"use server";

import { defineAction, withToast } from "@/lib/http/action";
import { startBatchLinking } from "./batch";
import { applyLinksSchema, batchLinksSchema, processLinksSchema, undoLinksSchema } from "./schemas";
import { applyLinkSuggestions, processContent, undoLinks } from "./service";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The editor's Links panel and the publish dialog: suggestions (read-only, viewers too). */
export const processLinksAction = defineAction({ schema: processLinksSchema }, async (ctx, input) => processContent(ctx, input));

export const applyLinksAction = defineAction({ schema: applyLinksSchema, permission: "write" }, async (ctx, input) => {
  const result = await applyLinkSuggestions(ctx, input);
  const n = result.applied.length;
  const message = n ? `${plural(n, "link")} added.` : "No links were added.";
  return withToast(result, result.skipped.length ? `${message} ${plural(result.skipped.length, "suggestion")} skipped: ${result.skipped[0].reason}` : message);
});

export const undoLinksAction = defineAction({ schema: undoLinksSchema, permission: "write" }, async (ctx, input) => {
  const result = await undoLinks(ctx, input);
  return withToast(result, result.removed ? `${plural(result.removed, "link")} removed.` : "Those links were already removed.");
});

export const batchLinksAction = defineAction({ schema: batchLinksSchema, permission: "write" }, async (ctx, input) =>
  withToast(await startBatchLinking(ctx, input), "Internal linking started. Follow its progress in the corner, or on the Runs page."),
);

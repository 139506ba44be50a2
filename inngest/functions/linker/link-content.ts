// Batch linking: a few articles per step (each step builds the site's index once), progress per
// article, and a summary. Articles are idempotent on their own: a retried step sees the links it
// already added (they count against the caps and the targets are already linked).
import { linkContentItems, type LinkItemOutcome } from "@/lib/linker/batch";
import { scoped } from "@/lib/db/scoped";
import { contextForRun } from "@/lib/runs/context";
import { advanceRun, finishRun, isRunCancelled, startRunProgress } from "@/lib/runs/progress";
import { inngest } from "../../client";
import { contentLinkRequested } from "../../events";
import { pipelineOptions } from "../options";
import { groups } from "../pipeline";

export const ARTICLES_PER_STEP = 20;

export const linkContent = inngest.createFunction(
  { ...pipelineOptions("link-content"), triggers: [contentLinkRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.contentIds)];
    const apply = data.mode === "apply";
    await step.run("start", async () => {
      await startRunProgress(scoped(await contextForRun(data)), data.runId, ids.length, `${apply ? "Adding internal links to" : "Finding internal links for"} ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
    });
    const outcomes: LinkItemOutcome[] = [];
    for (const group of groups(ids, ARTICLES_PER_STEP)) {
      const done: LinkItemOutcome[] = await step.run(`link-${group[0]}`, async () => {
        const ctx = await contextForRun(data);
        if (await isRunCancelled(scoped(ctx), data.runId)) return [];
        return linkContentItems(ctx, data.runId, group, data, async (db) => {
          await advanceRun(db, data.runId, { message: apply ? "Linking articles…" : "Finding links…" });
        });
      });
      outcomes.push(...done);
      if (done.length < group.length) break; // cancelled
    }
    return step.run("finish", async () => {
      const ok = outcomes.filter((o) => !o.error);
      const failed = outcomes.filter((o) => o.error);
      const applied = ok.reduce((n, o) => n + o.applied, 0);
      const suggested = ok.reduce((n, o) => n + o.suggested, 0);
      const linked = ok.filter((o) => o.applied > 0).length;
      const errors = [...new Set(failed.map((f) => f.error!))].slice(0, 5);
      const message = apply
        ? applied
          ? `${applied} internal link${applied === 1 ? "" : "s"} added to ${linked} article${linked === 1 ? "" : "s"}.`
          : "No new internal links: these articles mention no other published page they do not link to already."
        : `${suggested} link suggestion${suggested === 1 ? "" : "s"} for ${ok.length} article${ok.length === 1 ? "" : "s"}.`;
      const result = { mode: data.mode, applied, suggested, items: outcomes.map(({ contentId, suggested: s, applied: a }) => ({ contentId, suggested: s, applied: a })), failed: failed.length, errors };
      await finishRun(scoped(await contextForRun(data)), data.runId, {
        status: outcomes.length > 0 && ok.length === 0 ? "failed" : "succeeded",
        message: failed.length ? `${message} ${failed.length} failed: ${errors.join(" ")}` : message,
        result,
        error: outcomes.length > 0 && ok.length === 0 ? errors.join(" ") : null,
      });
      return result;
    });
  },
);

// Two-way sync with WordPress (pull structure, posts and pages; detect remote edits) as one run.
import { scoped } from "@/lib/db/scoped";
import { syncIntegrationNow } from "@/lib/integration/sync";
import { contextForRun } from "@/lib/runs/context";
import { finishRun, startRunProgress } from "@/lib/runs/progress";
import { inngest } from "../../client";
import { integrationSyncRequested } from "../../events";
import { pipelineOptions } from "../options";

export const syncIntegration = inngest.createFunction(
  { ...pipelineOptions("sync-integration"), triggers: [integrationSyncRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const stats = await step.run("sync", async () => {
      const db = scoped(await contextForRun(data));
      await startRunProgress(db, data.runId, 3, "Syncing with WordPress…");
      let done = 0;
      return syncIntegrationNow(db, data.integrationId, async (message) => {
        done++;
        await db.run.updateMany({ where: { id: data.runId, status: "running" }, data: { done, message } });
      });
    });
    await step.run("finish", async () => {
      const message = `Synced: ${stats.posts} posts, ${stats.pages} pages, ${stats.categories} categories, ${stats.tags} tags${stats.changed ? `; ${stats.changed} edited in WordPress since the last publish` : ""}.`;
      await finishRun(scoped(await contextForRun(data)), data.runId, { status: "succeeded", message, result: stats });
    });
    return stats;
  },
);

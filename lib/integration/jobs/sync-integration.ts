// Two-way sync with WordPress (pull structure, posts and pages; detect remote edits) as one step.
import { syncIntegrationNow } from "@/lib/integration/sync";
import { defineHandler } from "@/lib/jobs/define";
import type { SyncIntegrationPayload } from "@/lib/jobs/table";

export default defineHandler<SyncIntegrationPayload>(async ({ db, payload, io }) => {
  await io.start(3, "Syncing with WordPress…");
  let done = 0;
  const stats = await io.step("sync", () =>
    syncIntegrationNow(db, payload.integrationId, async (message) => {
      done++;
      await io.progress({ done, total: 3, message });
    }),
  );
  await io.progress({ done: 3, total: 3, message: "Synced." });
  const message = `Synced: ${stats.posts} posts, ${stats.pages} pages, ${stats.categories} categories, ${stats.tags} tags${stats.changed ? `; ${stats.changed} edited in WordPress since the last publish` : ""}.`;
  return { message, result: stats };
});

// Two-way sync with WordPress or Shopify (pull the remote inventory; detect remote edits) as one step.
import { syncIntegrationNow } from "@/lib/integration/sync";
import { defineHandler } from "@/lib/jobs/define";
import type { SyncIntegrationPayload } from "@/lib/jobs/table";

export default defineHandler<SyncIntegrationPayload>(async ({ db, payload, io }) => {
  let total = 1;
  const stats = await io.step("sync", () =>
    syncIntegrationNow(db, payload.integrationId, async (progress) => {
      total = progress.total;
      await io.progress(progress);
    }),
  );
  await io.progress({ done: total, total, message: "Synced." });
  const message = `Synced: ${stats.summary}${stats.changed ? `; ${stats.changed} edited in ${stats.platform} since the last publish` : ""}${stats.truncated.length ? `; stopped at the sync's limit for ${stats.truncated.join(", ")}` : ""}.`;
  return { message, result: stats };
});

// With an Inngest server: every minute, publish the records whose scheduled time has come.
// (In-process, lib/publishing/scheduler.ts runs the same claim on an interval.)
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { purgeExpiredTrashIfDue } from "@/lib/trash/service";
import { inngest } from "../../client";

// The 30-day trash purge rides along (hourly at most) until the job layer has schedules of its own.
export const publishScheduled = inngest.createFunction({ id: "publish-scheduled", retries: 1, triggers: [{ cron: "* * * * *" }] }, async ({ step }) => {
  const claimed = await step.run("claim-due", async () => ({ started: await publishDueRecords() }));
  await step.run("purge-trash", async () => ({ purged: await purgeExpiredTrashIfDue() }));
  return claimed;
});

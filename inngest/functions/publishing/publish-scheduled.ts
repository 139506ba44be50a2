// With an Inngest server: every minute, publish the records whose scheduled time has come.
// (In-process, lib/publishing/scheduler.ts runs the same claim on an interval.)
import { publishDueRecords } from "@/lib/publishing/scheduler";
import { inngest } from "../../client";

export const publishScheduled = inngest.createFunction({ id: "publish-scheduled", retries: 1, triggers: [{ cron: "* * * * *" }] }, async ({ step }) =>
  step.run("claim-due", async () => ({ started: await publishDueRecords() })),
);

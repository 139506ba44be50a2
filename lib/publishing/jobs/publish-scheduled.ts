// The scheduled-publishing tick (a schedule of the job layer: the local queue's interval, or an
// Inngest cron): publish the records whose time has come.
import { publishDueRecords } from "@/lib/publishing/scheduler";

export default async function publishScheduledTick() {
  return { started: await publishDueRecords() };
}

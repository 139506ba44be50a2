// The automation tick (a schedule of the job layer): start the scheduled executions that are due.
import { runDueAutomation } from "@/lib/automation/scheduler";

export default async function automationTick() {
  return runDueAutomation();
}

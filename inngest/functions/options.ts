import { ACCOUNT_CONCURRENCY, RUN_RETRIES } from "@/lib/runs/mode";
import { runCancelRequested, type RunEventData } from "../events";
import { failRunFromEvent } from "./pipeline";

/** Options every pipeline shares: retries, concurrency per account, cancellation, failure. */
export function pipelineOptions(id: string) {
  return {
    id,
    retries: RUN_RETRIES,
    concurrency: { key: "event.data.accountId", limit: ACCOUNT_CONCURRENCY },
    cancelOn: [{ event: runCancelRequested, match: "data.runId" }],
    onFailure: async ({ event, error }: { event: { data: { event: { data: RunEventData } } }; error: Error }) => {
      await failRunFromEvent(event.data.event.data, error.message);
    },
  };
}

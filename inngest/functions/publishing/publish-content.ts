// Publishing: one step per destination record. Retryable failures (WordPress down, timeouts, 5xx)
// throw so the step is retried with backoff; the last attempt records the failure instead.
import { scoped } from "@/lib/db/scoped";
import { executeRecord, type RecordOutcome } from "@/lib/publishing/service";
import { contextForRun } from "@/lib/runs/context";
import { RUN_RETRIES } from "@/lib/runs/mode";
import { advanceRun, finishRun } from "@/lib/runs/progress";
import { inngest } from "../../client";
import { contentPublishRequested } from "../../events";
import { pipelineOptions } from "../options";
import { startStep } from "../pipeline";

export const publishContent = inngest.createFunction(
  { ...pipelineOptions("publish-content"), triggers: [contentPublishRequested] },
  async ({ event, step, attempt }) => {
    const data = event.data;
    const ids = [...new Set(data.recordIds)];
    await startStep(step, data, ids.length, `Publishing to ${ids.length} destination${ids.length === 1 ? "" : "s"}…`);
    const outcomes: RecordOutcome[] = [];
    for (const id of ids) {
      outcomes.push(
        await step.run(`publish-${id}`, async () => {
          const ctx = await contextForRun(data);
          const db = scoped(ctx);
          const outcome = await executeRecord(db, ctx, id, { overwrite: data.overwrite, finalAttempt: attempt >= RUN_RETRIES });
          await advanceRun(db, data.runId, { message: outcome.ok ? `Published (${outcome.status}).` : `Failed: ${outcome.error}` });
          return outcome;
        }),
      );
    }
    return step.run("finish", async () => {
      const failed = outcomes.filter((o) => !o.ok);
      const ok = outcomes.length - failed.length;
      const message = failed.length ? `${ok} of ${outcomes.length} published. ${failed.map((f) => f.error).join(" ")}` : `Published to ${ok} destination${ok === 1 ? "" : "s"}.`;
      await finishRun(scoped(await contextForRun(data)), data.runId, { status: failed.length && !ok ? "failed" : "succeeded", message: message.slice(0, 1000), result: { outcomes }, error: failed.length && !ok ? failed[0].error ?? null : null });
      return { outcomes };
    });
  },
);

// Publishing: one item per destination record, in order. Retryable failures (WordPress down,
// timeouts, 5xx) are thrown and the item is tried again with backoff; its last attempt records the
// failure on the record instead (executeRecord's `finalAttempt`).
import { defineHandler, ItemFailedError } from "@/lib/jobs/define";
import type { PublishContentPayload } from "@/lib/jobs/table";
import { executeRecord, type RecordOutcome } from "@/lib/publishing/service";

export default defineHandler<PublishContentPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.recordIds)];
  await io.start(ids.length, `Publishing to ${ids.length} destination${ids.length === 1 ? "" : "s"}…`);
  const outcomes = await io.items<number, RecordOutcome>(
    ids.map((id) => ({ key: `publish-${id}`, input: id })),
    async (recordId, item) => {
      const outcome = await executeRecord(db, ctx, recordId, { overwrite: payload.overwrite, finalAttempt: item.finalAttempt, attempt: item.attempt, runId: run.id });
      if (!outcome.ok) throw new ItemFailedError(outcome.error ?? "Publishing failed.");
      return { result: outcome };
    },
    { sequential: true, message: "Published." },
  );
  const ok = outcomes.filter((o) => o.ok).length;
  return { message: `Published to ${ok} of ${ids.length} destination${ids.length === 1 ? "" : "s"}.`, result: { outcomes: outcomes.map((o) => (o.ok ? o.result : { ok: false, error: o.error })) } };
});

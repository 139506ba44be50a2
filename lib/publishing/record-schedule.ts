// Changing a scheduled publish: move it to another time, or call it off. Nothing else of a record
// is edited by hand (a publish, an unpublish or a delete does the rest), so anything else is refused.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { adapterFor } from "@/lib/integration/service";
import { appBaseUrl } from "@/lib/http/origin";
import { describeFailure } from "@/lib/failures";
import type { UpdateRecordInput } from "./schemas";
import { getRecord, startPublishRun, type RecordDto } from "./service";

export async function updateScheduledRecord(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateRecordInput): Promise<RecordDto> {
  assertCan(ctx.role, "write");
  const record = await db.publishingRecord.findFirst({ where: { id }, include: { integration: true, content: { select: { id: true, title: true, siteId: true, sectorId: true, deletedAt: true } } } });
  if (!record || record.content.deletedAt) throw new NotFoundError("Publishing record");
  if (record.status !== "scheduled") {
    throw new ConflictError(`Only a scheduled publish can be rescheduled or cancelled; this one is ${record.status}. Publish or unpublish the article instead.`);
  }
  if (input.status === "cancelled") {
    // WordPress already holds the post as `future`: it goes back to draft so it does not go live.
    if (record.destination === "wordpress" && record.remoteId && record.integration) {
      try {
        await adapterFor(record.integration, { publicBaseUrl: appBaseUrl() }).unpublish(record.remoteId);
      } catch (error) {
        throw new ConflictError(`The scheduled post could not be taken back on WordPress: ${describeFailure(error).message}`);
      }
    }
    await db.publishingRecord.update({ where: { id }, data: { status: "cancelled", scheduledAt: null, error: null } });
    return getRecord(db, id);
  }
  await db.publishingRecord.update({ where: { id }, data: { scheduledAt: input.scheduledAt!, error: null } });
  // WordPress publishes scheduled posts by itself: send it the new date now.
  if (record.destination === "wordpress") await startPublishRun(ctx, record.content, [id]);
  return getRecord(db, id);
}

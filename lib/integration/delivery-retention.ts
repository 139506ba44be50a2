// Retention of the webhook delivery log (`webhook_deliveries`, one row per attempt): a row goes
// when it is older than WEBHOOK_DELIVERY_RETENTION_DAYS (30), and a busy integration keeps at most
// its newest WEBHOOK_DELIVERY_MAX_PER_INTEGRATION (10,000) rows whatever their age, so the log
// stays a debugging aid (what did we send, what did the receiver answer) and not an archive.
// Publishing state lives in `publishing_records`, never here, so pruning loses no state.
//
// Driven by the job layer's hourly `prune-webhook-deliveries` schedule (lib/jobs/table.ts). The log
// is read across every account (a named place of the unscoped client, lib/db/README.md); each
// integration is pruned on its own through the (integrationId, createdAt) index, in batches, so a
// large backlog never holds one long delete.
import { env } from "@/lib/config/env";
import { rootDb } from "@/lib/db/client";
import { log } from "@/lib/log";

const BATCH = 5_000;

export type DeliveryRetention = { days: number; maxPerIntegration: number };

export function deliveryRetention(): DeliveryRetention {
  return { days: env.WEBHOOK_DELIVERY_RETENTION_DAYS, maxPerIntegration: env.WEBHOOK_DELIVERY_MAX_PER_INTEGRATION };
}

/** Deletes delivery attempts past the retention. Returns how many rows went. */
export async function pruneWebhookDeliveries(now = new Date(), retention: DeliveryRetention = deliveryRetention()): Promise<number> {
  const db = rootDb();
  const cutoff = new Date(now.getTime() - retention.days * 86_400_000);
  const integrations = await db.siteIntegration.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let pruned = 0;
  for (const { id: integrationId } of integrations) {
    // Too old.
    for (;;) {
      const n = await db.$executeRaw`
        DELETE FROM webhook_deliveries WHERE id IN (
          SELECT id FROM webhook_deliveries WHERE "integrationId" = ${integrationId} AND "createdAt" < ${cutoff} ORDER BY "createdAt" LIMIT ${BATCH})`;
      pruned += n;
      if (n < BATCH) break;
    }
    // Beyond the newest N: the newest row that goes, then everything at or before it.
    const boundary = await db.webhookDelivery.findFirst({
      where: { integrationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: retention.maxPerIntegration,
      select: { id: true, createdAt: true },
    });
    if (!boundary) continue;
    for (;;) {
      const n = await db.$executeRaw`
        DELETE FROM webhook_deliveries WHERE id IN (
          SELECT id FROM webhook_deliveries WHERE "integrationId" = ${integrationId} AND ("createdAt", id) <= (${boundary.createdAt}, ${boundary.id}) LIMIT ${BATCH})`;
      pruned += n;
      if (n < BATCH) break;
    }
  }
  if (pruned) log.info("webhook deliveries pruned", { rows: pruned, olderThanDays: retention.days, maxPerIntegration: retention.maxPerIntegration });
  return pruned;
}

// The hourly schedule that trims the webhook delivery log to its retention (30 days, at most
// 10,000 attempts per integration by default; lib/integration/delivery-retention.ts).
import { pruneWebhookDeliveries } from "../delivery-retention";

export default async function pruneWebhookDeliveriesTick() {
  return { pruned: await pruneWebhookDeliveries() };
}

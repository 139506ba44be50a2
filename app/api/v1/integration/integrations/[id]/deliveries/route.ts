import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listOf } from "@/lib/http/route-meta";
import { listDeliveriesQuerySchema } from "@/lib/integration/schemas";
import { listDeliveries } from "@/lib/integration/webhooks";
import { deliveryResponse } from "@/lib/publishing/responses";

/** The delivery log of a custom (webhook) integration: one row per attempt, newest first. */
export const GET = apiRoute({ summary: "List a webhook integration's deliveries", response: listOf(deliveryResponse), auth: "user", query: listDeliveriesQuerySchema }, async ({ ctx, params, query }) =>
  paginated(await listDeliveries(scoped(ctx), assertValidId(params.id), query), query),
);

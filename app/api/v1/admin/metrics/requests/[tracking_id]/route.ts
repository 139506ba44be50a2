import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { getResourceTracking } from "@/lib/system/resource-tracking";

const trackingResponse = z.object({
  trackingId: z.string(),
  userId: z.number().int(),
  requestId: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number().describe("Wall time of the request in the route wrapper"),
  queries: z.number().int().describe("Database queries made while answering"),
  queryMs: z.number().describe("Time spent in those queries"),
  heapUsedMb: z.number(),
  heapDeltaMb: z.number().describe("Heap growth during the request (negative after a garbage collection)"),
  rssMb: z.number(),
  createdAt: z.date(),
});

export const GET = apiRoute(
  { summary: "Metrics of one of your tracked requests (developers; send X-Resource-Tracking: on to get an X-Resource-Tracking-ID)", response: trackingResponse, auth: "user", permission: "administer" },
  async ({ ctx, params }) => getResourceTracking(scoped(ctx), ctx, params.tracking_id),
);

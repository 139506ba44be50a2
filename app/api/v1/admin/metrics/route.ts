import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { listRequestMetrics } from "@/lib/system/metrics";
import { metricsResponse } from "@/lib/admin/responses";

const query = z.object({ path: z.string().max(200).optional(), hours: z.coerce.number().int().min(1).max(24 * 7).default(24) });

export const GET = apiRoute({ summary: "Recent request metrics by path (developers)", response: metricsResponse, auth: "user", permission: "administer", query }, async ({ query }) => listRequestMetrics(query));

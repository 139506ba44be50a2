import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { listRequestMetrics } from "@/lib/system/metrics";

const query = z.object({ path: z.string().max(200).optional(), hours: z.coerce.number().int().min(1).max(24 * 7).default(24) });

export const GET = apiRoute({ auth: "user", permission: "administer", query }, async ({ query }) => listRequestMetrics(query));

import { estimateCost, estimateResponse, estimateSchema } from "@/lib/billing/estimate";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(
  { summary: "Estimate the credits of an AI action before starting it", response: estimateResponse, auth: "user", body: estimateSchema, permission: "write" },
  async ({ ctx, body }) => estimateCost(scoped(ownAccount(ctx)), ownAccount(ctx), body),
);

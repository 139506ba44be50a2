import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { retryRun } from "@/lib/runs/service";
import { runResponse } from "@/lib/runs/responses";

/** Retries the failed items of an ended run (the ones that succeeded are kept). */
export const POST = apiRoute(
  { summary: "Retry a run's failed items", response: runResponse, params: z.object({ id: runIdSchema }), errors: [409], auth: "user", permission: "write" },
  async ({ ctx, params }) => retryRun(scoped(ownAccount(ctx)), ctx, parseInput(runIdSchema, params.id)),
);

"use server";

import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { defineAction, withToast } from "@/lib/http/action";
import { z } from "zod";
import { runIdSchema } from "./schemas";
import { cancelRun, retryRun } from "./service";

export const cancelRunAction = defineAction({ schema: z.object({ id: runIdSchema }), permission: "write", revalidate: "/runs" }, async (ctx, { id }) =>
  withToast(await cancelRun(scoped(ownAccount(ctx)), ctx, id), "Run cancelled. No new item starts; work already done is kept."),
);

export const retryRunAction = defineAction({ schema: z.object({ id: runIdSchema }), permission: "write", revalidate: "/runs" }, async (ctx, { id }) =>
  withToast(await retryRun(scoped(ownAccount(ctx)), ctx, id), "Retrying the failed items. The ones that succeeded are kept."),
);

"use server";

import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { defineAction, withToast } from "@/lib/http/action";
import { z } from "zod";
import { runIdSchema } from "./schemas";
import { cancelRun } from "./service";

export const cancelRunAction = defineAction({ schema: z.object({ id: runIdSchema }), permission: "write", revalidate: "/runs" }, async (ctx, { id }) =>
  withToast(await cancelRun(scoped(ownAccount(ctx)), ctx, id), "Run cancelled. It stops before its next step."),
);

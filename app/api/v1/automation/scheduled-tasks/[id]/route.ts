import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { deleteScheduledTask, getScheduledTask, updateScheduledTask } from "@/lib/automation/service";
import { updateScheduledTaskSchema } from "@/lib/automation/schemas";
import { scheduledTaskResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ summary: "Get a scheduled automation execution", response: scheduledTaskResponse, auth: "user" }, async ({ ctx, params }) => getScheduledTask(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Skip, restore or move a scheduled execution", response: scheduledTaskResponse, auth: "user", body: updateScheduledTaskSchema }, async ({ ctx, params, body }) => updateScheduledTask(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a scheduled execution that has not started", response: z.null(), auth: "user" }, async ({ ctx, params }) => {
  await deleteScheduledTask(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { updateTaskSchema } from "@/lib/writer/schemas";
import { deleteTasks, getTask, updateTask } from "@/lib/writer/service";
import { taskResponse } from "@/lib/writer/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a writing task", response: taskResponse, auth: "user" }, async ({ ctx, params }) => getTask(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ summary: "Update a writing task", response: taskResponse, auth: "user", body: updateTaskSchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateTask(scoped(ctx), ctx, assertValidId(params.id), body),
);
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ summary: "Delete a writing task", response: z.null(), auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteTasks(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});

import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteRecord, getRecord } from "@/lib/publishing/service";
import { updateScheduledRecord } from "@/lib/publishing/record-schedule";
import { updateRecordSchema } from "@/lib/publishing/schemas";
import { recordResponse } from "@/lib/publishing/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a publishing record", response: recordResponse, auth: "user" }, async ({ ctx, params }) => getRecord(scoped(ctx), assertValidId(params.id)));

export const PATCH = apiRoute(
  { summary: "Reschedule (scheduled_at) or cancel (status: cancelled) a scheduled publishing record", response: recordResponse, auth: "user", body: updateRecordSchema, permission: "write" },
  async ({ ctx, params, body }) => updateScheduledRecord(scoped(ctx), ctx, assertValidId(params.id), body),
);

export const DELETE = apiRoute({ summary: "Delete a publishing record", response: z.null(), auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteRecord(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

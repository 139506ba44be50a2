import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteRecord, getRecord } from "@/lib/publishing/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getRecord(scoped(ctx), assertValidId(params.id)));

export const DELETE = apiRoute({ auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteRecord(scoped(ctx), ctx, assertValidId(params.id));
  return null;
});

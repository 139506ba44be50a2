import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deleteClusters, getCluster, updateCluster } from "@/lib/planner/clusters";
import { updateClusterSchema } from "@/lib/planner/schemas";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getCluster(scoped(ctx), assertValidId(params.id)));

const update = apiRoute({ auth: "user", body: updateClusterSchema }, async ({ ctx, params, body }) => updateCluster(scoped(ctx), ctx, assertValidId(params.id), body));
export const PUT = update;
export const PATCH = update;

export const DELETE = apiRoute({ auth: "user" }, async ({ ctx, params }) => {
  await deleteClusters(scoped(ctx), ctx, [assertValidId(params.id)]);
  return null;
});

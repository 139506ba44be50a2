import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { listActiveSectors } from "@/lib/sites/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => listActiveSectors(scoped(ctx), assertValidId(params.id)));

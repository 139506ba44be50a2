import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { getTaskProgress } from "@/lib/runs/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getTaskProgress(scoped(ownAccount(ctx)), ownAccount(ctx), parseInput(runIdSchema, params.id)));

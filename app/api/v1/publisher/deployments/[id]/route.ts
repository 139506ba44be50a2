import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { getDeployment } from "@/lib/publishing/deployments";
import { deploymentDetailResponse } from "@/lib/publishing/responses";

export const GET = apiRoute({ summary: "Get a deployment and what changed since the previous one", response: deploymentDetailResponse, auth: "user" }, async ({ ctx, params }) => getDeployment(scoped(ctx), assertValidId(params.id)));

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { deploySite } from "@/lib/publishing/deployments";
import { siteIdBodySchema } from "@/lib/publishing/schemas";
import { deploymentCreatedResponse } from "@/lib/publishing/responses";
import { blueprintDeployResponse } from "@/lib/site-builder/responses";
import { deployBlueprintSchema } from "@/lib/site-builder/schemas";
import { deployBlueprint } from "@/lib/site-builder/service";

const body = z.union([siteIdBodySchema, deployBlueprintSchema]).describe("`site_id`: deploy the hosted site's pages and posts; `blueprint_id`: deploy a Site Builder blueprint (its pages and navigation) to its site");

/**
 * Deploys the hosted site (readiness check, a new deployment record, every cached page refreshed),
 * or, with `blueprint_id`, a Site Builder blueprint: its pages are written to the hosted site (a
 * re-deploy updates them in place) and the answer lists what changed.
 */
export const POST = apiRoute({ summary: "Deploy the hosted site or a site blueprint", response: z.union([deploymentCreatedResponse, blueprintDeployResponse]), auth: "user", body, permission: "write", status: 201 }, async ({ ctx, body }) => {
  if ("blueprintId" in body) {
    const { deployment, changes } = await deployBlueprint(scoped(ctx), ctx, body.blueprintId);
    return { deployment, changes };
  }
  return deploySite(scoped(ctx), ctx, body.siteId);
});

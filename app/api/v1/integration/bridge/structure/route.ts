import { apiRoute } from "@/lib/http/route";
import { bridgePushStructure } from "@/lib/integration/bridge";
import { bridgeStructureSchema } from "@/lib/integration/schemas";
import { bridgeStructureResponse } from "@/lib/publishing/responses";

/** The WordPress site pushes its post types and taxonomies. */
export const POST = apiRoute({ summary: "Bridge: push post types and taxonomies", response: bridgeStructureResponse, auth: "site-key", body: bridgeStructureSchema }, async ({ ctx, body }) => bridgePushStructure(ctx, body));

import { apiRoute } from "@/lib/http/route";
import { bridgePushStructure } from "@/lib/integration/bridge";
import { bridgeStructureSchema } from "@/lib/integration/schemas";

/** The WordPress site pushes its post types and taxonomies. */
export const POST = apiRoute({ auth: "site-key", body: bridgeStructureSchema }, async ({ ctx, body }) => bridgePushStructure(ctx, body));

import { apiRoute } from "@/lib/http/route";
import { bridgeHandshake } from "@/lib/integration/bridge";
import { bridgeHandshakeSchema } from "@/lib/integration/schemas";

/** Handshake / status of the WordPress bridge plugin (site API key). */
export const POST = apiRoute({ auth: "site-key", body: bridgeHandshakeSchema }, async ({ ctx, body }) => bridgeHandshake(ctx, body));
export const GET = apiRoute({ auth: "site-key" }, async ({ ctx }) => bridgeHandshake(ctx, {}));

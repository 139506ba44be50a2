import { apiRoute } from "@/lib/http/route";
import { bridgeHandshake } from "@/lib/integration/bridge";
import { bridgeHandshakeSchema } from "@/lib/integration/schemas";
import { bridgeStatusResponse } from "@/lib/publishing/responses";

/** Handshake / status of the WordPress bridge plugin (site API key). */
export const POST = apiRoute({ summary: "Bridge: handshake with plugin and WordPress versions", response: bridgeStatusResponse, auth: "site-key", body: bridgeHandshakeSchema }, async ({ ctx, body }) => bridgeHandshake(ctx, body));
export const GET = apiRoute({ summary: "Bridge: connection status", response: bridgeStatusResponse, auth: "site-key" }, async ({ ctx }) => bridgeHandshake(ctx, {}));

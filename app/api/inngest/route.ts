// The Inngest serve endpoint, for an Inngest server (Cloud or self-hosted). Without one, the same
// jobs run on the local PostgreSQL queue and this route is not served.
import { env } from "@/lib/config/env";
import { NextResponse } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { usesInngestServer } from "@/lib/jobs/mode";

const handler = serve({ client: inngest, functions });

function refuse(): Response | null {
  if (!usesInngestServer()) {
    return NextResponse.json({ success: false, message: "No Inngest server is configured: background work runs on the local job queue." }, { status: 404 });
  }
  if (env.NODE_ENV === "production" && !env.INNGEST_SIGNING_KEY) {
    return NextResponse.json({ success: false, message: "INNGEST_SIGNING_KEY is required in production: only signed requests are accepted." }, { status: 503 });
  }
  return null;
}

type Ctx = { params: Promise<Record<string, string>> };
export const GET = async (request: Request, context: Ctx) => refuse() ?? handler.GET(request as never, context as never);
export const POST = async (request: Request, context: Ctx) => refuse() ?? handler.POST(request as never, context as never);
export const PUT = async (request: Request, context: Ctx) => refuse() ?? handler.PUT(request as never, context as never);

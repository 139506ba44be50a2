import { getProfile } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { profileResponse } from "@/lib/auth/responses";

export const GET = apiRoute({ summary: "The signed-in user, account and plan", response: profileResponse, auth: "user" }, async ({ ctx }) => getProfile(ctx));

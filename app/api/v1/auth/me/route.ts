import { getProfile } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => getProfile(ctx));

import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { listIndustries } from "@/lib/reference/service";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => listIndustries(scoped(ctx)));

import { apiRoute } from "@/lib/http/route";
import { systemStatus } from "@/lib/system/status";

export const GET = apiRoute({ auth: "user", permission: "administer" }, async () => systemStatus());

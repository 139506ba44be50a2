import { apiRoute } from "@/lib/http/route";
import { systemStatus } from "@/lib/system/status";
import { systemStatusResponse } from "@/lib/admin/responses";

export const GET = apiRoute({ summary: "System status: database, jobs, storage, versions (developers)", response: systemStatusResponse, auth: "user", permission: "administer" }, async () => systemStatus());

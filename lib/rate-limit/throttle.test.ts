import { describe, expect, it } from "vitest";
import { parseRates, throttleScope } from "./throttle";

describe("throttle scopes", () => {
  it("come from the path's module, AI actions (POST) apart", () => {
    expect(throttleScope("GET", "/api/v1/planner/keywords/")).toBe("planner");
    expect(throttleScope("POST", "/api/v1/planner/keywords/auto_cluster/")).toBe("ai");
    expect(throttleScope("POST", "/api/v1/planner/keywords/cluster_locally/")).toBe("planner");
    expect(throttleScope("POST", "/api/v1/writer/images/generate_images/")).toBe("ai");
    expect(throttleScope("POST", "/api/v1/system/settings/integrations/openai/test_openai/")).toBe("ai");
    expect(throttleScope("POST", "/api/v1/optimizer/optimize/")).toBe("ai");
    expect(throttleScope("GET", "/api/v1/optimizer/optimizations/")).toBe("optimizer");
    expect(throttleScope("GET", "/api/v1/admin/accounts/")).toBe("system");
    expect(throttleScope("POST", "/api/v1/publisher/publish/")).toBe("content");
    expect(throttleScope("GET", "/api/v1/some_new_module/things/")).toBe("content");
    expect(throttleScope("GET", "/api/v1/integration/bridge/content/")).toBe("integration");
  });

  it("parses rates, ignoring unknown scopes and units", () => {
    expect(parseRates("ai=20/min, planner=5/sec,bogus=1/min,auth=3/fortnight")).toEqual({ ai: { limit: 20, windowSeconds: 60 }, planner: { limit: 5, windowSeconds: 1 } });
  });
});

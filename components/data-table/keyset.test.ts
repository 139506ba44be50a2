import { describe, expect, it } from "vitest";
import { firstPageHref } from "./keyset";

describe("firstPageHref", () => {
  it("keeps the list's sort, filters and page size, and drops the cursor and page number", () => {
    expect(firstPageHref("/planner/keywords", { cursor: "abc", page: "7", ordering: "-volume", intent: "commercial", page_size: "50" })).toBe(
      "/planner/keywords?ordering=-volume&intent=commercial&page_size=50",
    );
    expect(firstPageHref("/planner/keywords", { cursor: "abc", status: ["active", "pending"] })).toBe("/planner/keywords?status=active&status=pending");
    expect(firstPageHref("/planner/keywords", { cursor: "abc", page: "2" })).toBe("/planner/keywords");
  });
});

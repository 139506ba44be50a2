import { describe, expect, it } from "vitest";
import { formatTotal } from "@/components/data-table/format";
import { EXACT_COUNT_LIMIT, listCount } from "./list-count";

const counter = (rows: number) => {
  const calls: number[] = [];
  return { calls, exact: async (take: number) => (calls.push(take), Math.min(rows, take)) };
};

describe("listCount: exact while small, estimated when large", () => {
  it("a short page is its own exact count, with no COUNT at all", async () => {
    const c = counter(1_000_000);
    expect(await listCount({ offset: 50, rowsOnPage: 7, pageSize: 25, exact: c.exact, estimate: Promise.resolve(2e6) })).toEqual({ count: 57, countIsEstimate: false });
    expect(c.calls).toEqual([]);
  });

  it("counts exactly (capped) when the estimate is small, whatever the estimate said", async () => {
    const c = counter(EXACT_COUNT_LIMIT - 500);
    expect(await listCount({ offset: 0, rowsOnPage: 25, pageSize: 25, exact: c.exact, estimate: Promise.resolve(120) })).toEqual({ count: EXACT_COUNT_LIMIT - 500, countIsEstimate: false });
    expect(c.calls).toEqual([EXACT_COUNT_LIMIT + 1]);
  });

  it("uses the estimate, labelled, when it is large, and never less than what was seen", async () => {
    const c = counter(5e6);
    expect(await listCount({ offset: 0, rowsOnPage: 25, pageSize: 25, exact: c.exact, estimate: Promise.resolve(1_234_567.4) })).toEqual({ count: 1_234_567, countIsEstimate: true });
    expect(c.calls).toEqual([]);
    expect(await listCount({ offset: 2e6, rowsOnPage: 25, pageSize: 25, exact: c.exact, estimate: Promise.resolve(1e6) })).toEqual({ count: 2e6 + 26, countIsEstimate: true });
  });

  it("labels the count when the estimate was too low and the capped COUNT ran out", async () => {
    const c = counter(50_000);
    expect(await listCount({ offset: 0, rowsOnPage: 25, pageSize: 25, exact: c.exact, estimate: Promise.resolve(300) })).toEqual({ count: EXACT_COUNT_LIMIT + 1, countIsEstimate: true });
  });

  it("without an estimator, counts up to the cap (keyset pages too)", async () => {
    expect(await listCount({ offset: null, rowsOnPage: 3, pageSize: 25, exact: counter(40).exact })).toEqual({ count: 40, countIsEstimate: false });
  });

  it("is shown as “about 1.2M” when estimated, exactly otherwise", () => {
    expect(formatTotal(1_234_567, true)).toBe("about 1.2M");
    expect(formatTotal(45_100, true)).toBe("about 45.1K");
    expect(formatTotal(1_234_567)).toBe("1,234,567");
  });
});

import { describe, expect, expectTypeOf, it } from "vitest";

import { defineFilters, filterParams, parseTableSearchParams } from "./parse-search-params";

const filters = defineFilters([
  {
    id: "intent",
    label: "Intent",
    type: "select",
    options: [
      { value: "informational", label: "Informational" },
      { value: "commercial", label: "Commercial" },
    ],
  },
  {
    id: "status",
    label: "Status",
    type: "multi-select",
    options: [
      { value: "new", label: "New" },
      { value: "planned", label: "Planned" },
      { value: "done", label: "Done" },
    ],
  },
  { id: "volume", label: "Volume", type: "number-range" },
  { id: "kd", label: "Difficulty", type: "number-range", minParam: "difficulty_gte", maxParam: "difficulty_lte" },
  { id: "url", label: "URL", type: "text", param: "url_contains" },
]);

describe("date-range filters", () => {
  const dated = defineFilters([{ id: "date", label: "Date", type: "date-range" }, { id: "due", label: "Due", type: "date-range", fromParam: "due_after", toParam: "due_before" }]);

  it("reads inclusive YYYY-MM-DD bounds, swaps inverted ones and drops invalid dates", () => {
    expect(filterParams(dated[0])).toEqual(["date_from", "date_to"]);
    expect(parseTableSearchParams({ date_from: "2026-03-01", date_to: "2026-03-31", due_after: "2026-02-30" }, { filters: dated }).filters).toEqual({ date: { from: "2026-03-01", to: "2026-03-31" } });
    expect(parseTableSearchParams({ date_from: "2026-04-02", date_to: "2026-04-01" }, { filters: dated }).filters).toEqual({ date: { from: "2026-04-01", to: "2026-04-02" } });
    expect(parseTableSearchParams({ date_from: "yesterday", due_before: "2026-12-31" }, { filters: dated }).filters).toEqual({ due: { to: "2026-12-31" } });
    expectTypeOf(parseTableSearchParams({}, { filters: dated }).filters.date).toEqualTypeOf<{ from?: string; to?: string } | undefined>();
  });
});

describe("parseTableSearchParams", () => {
  it("returns defaults for empty input", () => {
    for (const input of [{}, undefined, null, new URLSearchParams()]) {
      expect(parseTableSearchParams(input, { filters })).toEqual({
        page: 1,
        pageSize: 25,
        offset: 0,
        ordering: null,
        sort: null,
        search: "",
        filters: {},
        activeFilterCount: 0,
        cursor: "",
      });
    }
  });

  it("keeps a keyset cursor that looks like one (base64url, at most 500 characters) and drops anything else", () => {
    const cursor = Buffer.from(JSON.stringify({ o: "-volume", v: 3, id: 7, d: "b" })).toString("base64url");
    expect(parseTableSearchParams({ cursor, page: "4" })).toMatchObject({ cursor, page: 4 });
    for (const bad of ["a b", "<script>", "x".repeat(501), "abc=", ""]) expect(parseTableSearchParams({ cursor: bad }).cursor, bad).toBe("");
  });

  it("parses page, page size, ordering and search", () => {
    const query = parseTableSearchParams({ page: "3", page_size: "50", ordering: "-volume", search: "  seo tools " });
    expect(query).toMatchObject({
      page: 3,
      pageSize: 50,
      offset: 100,
      ordering: "-volume",
      sort: { field: "volume", desc: true },
      search: "seo tools",
    });
  });

  it("bounds page to integers ≥ 1", () => {
    for (const page of ["0", "-2", "abc", "1.5", "", "99999999999999999999"]) {
      expect(parseTableSearchParams({ page }).page).toBe(1);
    }
    expect(parseTableSearchParams({ page: "12" }).page).toBe(12);
  });

  it("only accepts allowed page sizes", () => {
    expect(parseTableSearchParams({ page_size: "10" }).pageSize).toBe(10);
    expect(parseTableSearchParams({ page_size: "200" }).pageSize).toBe(200);
    expect(parseTableSearchParams({ page_size: "33" }).pageSize).toBe(25);
    expect(parseTableSearchParams({ page_size: "100000" }).pageSize).toBe(25);
    expect(parseTableSearchParams({ page_size: "x" }).pageSize).toBe(25);
  });

  it("honours custom page sizes and default page size", () => {
    const options = { pageSizes: [20, 40], defaultPageSize: 40 };
    expect(parseTableSearchParams({}, options).pageSize).toBe(40);
    expect(parseTableSearchParams({ page_size: "20" }, options).pageSize).toBe(20);
    expect(parseTableSearchParams({ page_size: "25" }, options).pageSize).toBe(40);
    // a default that is not in the list falls back to the first allowed size
    expect(parseTableSearchParams({}, { pageSizes: [20, 40], defaultPageSize: 25 }).pageSize).toBe(20);
  });

  it("validates ordering syntax and the optional whitelist", () => {
    expect(parseTableSearchParams({ ordering: "title" }).sort).toEqual({ field: "title", desc: false });
    expect(parseTableSearchParams({ ordering: "title; drop table" }).ordering).toBeNull();
    expect(parseTableSearchParams({ ordering: "--title" }).ordering).toBeNull();
    const options = { sortFields: ["volume", "title"], defaultOrdering: "-volume" };
    expect(parseTableSearchParams({ ordering: "title" }, options).ordering).toBe("title");
    expect(parseTableSearchParams({ ordering: "password" }, options).ordering).toBe("-volume");
    expect(parseTableSearchParams({}, options).ordering).toBe("-volume");
  });

  it("takes the first value of repeated scalar params", () => {
    expect(parseTableSearchParams({ page: ["2", "5"], search: ["a", "b"] })).toMatchObject({ page: 2, search: "a" });
  });

  it("caps search length", () => {
    expect(parseTableSearchParams({ search: "x".repeat(500) }).search).toHaveLength(200);
  });

  it("parses select filters and drops unknown options", () => {
    expect(parseTableSearchParams({ intent: "commercial" }, { filters }).filters).toEqual({ intent: "commercial" });
    expect(parseTableSearchParams({ intent: "bogus" }, { filters }).filters).toEqual({});
  });

  it("parses multi-select from comma lists and repeated params, de-duplicated", () => {
    expect(parseTableSearchParams({ status: "new,done,bogus" }, { filters }).filters.status).toEqual(["new", "done"]);
    const params = new URLSearchParams("status=new&status=planned,new");
    expect(parseTableSearchParams(params, { filters }).filters.status).toEqual(["new", "planned"]);
    expect(parseTableSearchParams({ status: "bogus" }, { filters }).filters.status).toBeUndefined();
  });

  it("parses number ranges with default and custom params", () => {
    const query = parseTableSearchParams(
      { volume_min: "100", volume_max: "5000", difficulty_lte: "40" },
      { filters },
    );
    expect(query.filters.volume).toEqual({ min: 100, max: 5000 });
    expect(query.filters.kd).toEqual({ max: 40 });
    expect(query.activeFilterCount).toBe(2);
  });

  it("ignores invalid numbers and swaps inverted ranges", () => {
    expect(parseTableSearchParams({ volume_min: "abc", volume_max: "" }, { filters }).filters.volume).toBeUndefined();
    expect(parseTableSearchParams({ volume_min: "500", volume_max: "10" }, { filters }).filters.volume).toEqual({
      min: 10,
      max: 500,
    });
    expect(parseTableSearchParams({ volume_min: "0" }, { filters }).filters.volume).toEqual({ min: 0 });
  });

  it("parses text filters from their param", () => {
    expect(parseTableSearchParams({ url_contains: " /blog/ " }, { filters }).filters.url).toBe("/blog/");
    expect(parseTableSearchParams({ url: "/blog/" }, { filters }).filters.url).toBeUndefined();
  });

  it("counts active filters and types them per id", () => {
    const query = parseTableSearchParams(
      { intent: "informational", status: "new", volume_max: "10", url_contains: "x", search: "q" },
      { filters },
    );
    expect(query.activeFilterCount).toBe(4);
    expectTypeOf(query.filters.intent).toEqualTypeOf<string | undefined>();
    expectTypeOf(query.filters.status).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(query.filters.volume).toEqualTypeOf<{ min?: number; max?: number } | undefined>();
  });
});

describe("filterParams", () => {
  it("lists the URL params a filter writes", () => {
    expect(filters.map(filterParams)).toEqual([
      ["intent"],
      ["status"],
      ["volume_min", "volume_max"],
      ["difficulty_gte", "difficulty_lte"],
      ["url_contains"],
    ]);
  });
});

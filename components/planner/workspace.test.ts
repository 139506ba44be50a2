import { describe, expect, it } from "vitest";
import { initialSectorId } from "./workspace";

const sectors = [{ id: 7, name: "Accessories" }, { id: 3, name: "Shoes" }];

describe("the sector a planner dialog starts with", () => {
  it("is the header's sector", () => {
    expect(initialSectorId({ sectorId: 3, sectors })).toBe(3);
  });

  it("is none under “All sectors”: the user chooses (not the first one alphabetically)", () => {
    expect(initialSectorId({ sectorId: null, sectors })).toBeNull();
  });

  it("is the only sector when the site has one", () => {
    expect(initialSectorId({ sectorId: null, sectors: [sectors[1]] })).toBe(3);
  });
});

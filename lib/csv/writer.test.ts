import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvDocument, csvRow } from "./writer";

describe("the CSV writer", () => {
  it("neutralises formulas in every text cell and quotes what needs it", () => {
    expect(csvRow(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "a=b"])).toBe("'=1+1,'+cmd,'-2,'@SUM(A1),'\tx,a=b\r\n");
    expect(csvRow(['12" pizza', "a,b", "x;y", " padded", "line\nbreak"])).toBe('"12"" pizza","a,b","x;y"," padded","line\nbreak"\r\n');
    expect(csvRow([-5, 1.5, null, undefined, true, new Date("2026-01-02T03:04:05.000Z")])).toBe("-5,1.5,,,true,2026-01-02T03:04:05.000Z\r\n");
  });

  it("writes a BOM and reads back with csv-parse", () => {
    const text = csvDocument(["name", "note"], [["Ann", 'says "hi", then =leaves']]);
    expect(text.startsWith("\ufeffname,note\r\n")).toBe(true);
    expect(parse(text, { bom: true, columns: true })).toEqual([{ name: "Ann", note: 'says "hi", then =leaves' }]);
  });
});

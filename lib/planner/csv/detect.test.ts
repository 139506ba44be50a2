import { describe, expect, it } from "vitest";
import { UnsupportedCsvError, detectLayout, sniffBinary, sniffEncoding, splitLine } from "./detect";
import { identifyHeader, normalizeHeader, parseIntent } from "./formats";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("sniffEncoding", () => {
  it("reads byte order marks", () => {
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x4b, 0x00))).toBe("utf-16le");
    expect(sniffEncoding(bytes(0xfe, 0xff, 0x00, 0x4b))).toBe("utf-16be");
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x4b))).toBe("utf-8");
    expect(sniffEncoding(bytes(0x4b, 0x65, 0x79))).toBe("utf-8");
    expect(sniffEncoding(bytes())).toBe("utf-8");
  });

  it("recognises BOM-less UTF-16 by its NUL bytes", () => {
    expect(sniffEncoding(Buffer.from("Keyword\tVolume\r\n", "utf16le"))).toBe("utf-16le");
    const le = Buffer.from("Keyword\tVolume\r\n", "utf16le");
    expect(sniffEncoding(Buffer.from(le.map((_, i) => le[i ^ 1])))).toBe("utf-16be");
  });
});

describe("sniffBinary", () => {
  it("names ZIP/XLSX, XLS and PDF uploads", () => {
    expect(sniffBinary(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toMatch(/ZIP or Excel/);
    expect(sniffBinary(bytes(0xd0, 0xcf, 0x11, 0xe0))).toMatch(/\.xls/);
    expect(sniffBinary(Buffer.from("%PDF-1.7"))).toMatch(/PDF/);
    expect(sniffBinary(Buffer.from("Keyword,Volume"))).toBeNull();
  });
});

describe("splitLine", () => {
  it("honours quotes and doubled quotes", () => {
    expect(splitLine('a,"b,c","d ""e""",', ",")).toEqual(["a", "b,c", 'd "e"', ""]);
    expect(splitLine('Keyword;"CPC (EUR)";"a;b"', ";")).toEqual(["Keyword", "CPC (EUR)", "a;b"]);
    expect(splitLine("a\tb", ",")).toEqual(["a\tb"]);
  });
});

describe("detectLayout", () => {
  it("finds the Keyword Planner header under its two title lines", () => {
    const sample =
      "Keyword Stats 2026-11-01 at 10_00_00\r\nNovember 1, 2025 - October 31, 2026\r\n" +
      "Keyword\tCurrency\tAvg. monthly searches\tThree month change\tYoY change\tCompetition\tCompetition (indexed value)\tTop of page bid (low range)\tTop of page bid (high range)\tSearches: Nov 2025\r\n" +
      "running shoes\tUSD\t90500\t0%\t-18%\tHigh\t100\t0.71\t2.38\t110000\r\n";
    const layout = detectLayout(sample, true);
    expect(layout).toMatchObject({ format: "google_keyword_planner", delimiter: "\t", headerLine: 3, singleColumn: false });
    expect(layout.columns).toMatchObject({ keyword: 0, volume: 2, difficulty: -1, cpc: -1, cpcLow: 7, cpcHigh: 8 });
    expect(sample.slice(layout.dataOffset)).toMatch(/^running shoes/);
  });

  it("chooses the delimiter from the header line, ignoring delimiters inside quotes", () => {
    const layout = detectLayout('Keyword;Intent;Volume;"CPC (EUR)";"Keyword Difficulty"\nx;1;2;3;4\n', true);
    expect(layout).toMatchObject({ format: "semrush", delimiter: ";" });
    expect(layout.columns).toMatchObject({ keyword: 0, intent: 1, volume: 2, cpc: 3, difficulty: 4 });
    const commas = detectLayout('"Keyword","Volume","Keyword Difficulty","CPC (USD)","SERP Features"\n', true);
    expect(commas).toMatchObject({ format: "semrush", delimiter: "," });
  });

  it("treats a headerless single column as a plain list, even with commas in a few keywords", () => {
    const layout = detectLayout("running shoes\nred, shoes\ntrail shoes\nhiking boots\n", true);
    expect(layout).toMatchObject({ format: "plain_list", headerLine: 0, dataOffset: 0, singleColumn: true });
  });

  it("accepts a keyword-style header only on the first line", () => {
    expect(detectLayout("Keywords\nrunning shoes\n", true)).toMatchObject({ format: "plain_list", headerLine: 1 });
    expect(detectLayout("running shoes\nkeyword\n", true)).toMatchObject({ format: "plain_list", headerLine: 0 });
  });

  it("rejects tables without a keyword column, naming the headers found", () => {
    let error: unknown;
    try {
      detectLayout("Name,Email,Company\nAda,ada@example.com,AE\nGrace,grace@example.com,USN\n", true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedCsvError);
    const e = error as UnsupportedCsvError;
    expect(e.headers).toEqual(["Name", "Email", "Company"]);
    expect(e.message).toContain('"Name", "Email", "Company"');
    expect(e.message).toContain("Google Keyword Planner");
    expect(e.message).toContain("Semrush");
    expect(e.status).toBe(400);
  });

  it("rejects an empty file", () => {
    expect(() => detectLayout("", true)).toThrow(/empty/);
    expect(() => detectLayout("\r\n\r\n  \n", true)).toThrow(UnsupportedCsvError);
  });
});

describe("identifyHeader", () => {
  const id = (h: string) => identifyHeader(h.split(","))?.format ?? null;

  it.each([
    ["Keyword,Currency,Avg. monthly searches,Three month change,YoY change,Competition,Competition (indexed value)", "google_keyword_planner"],
    ["#,Keyword,Country,Difficulty,Volume,CPC,CPS,Parent Keyword,Last Update,SERP Features,Global volume,Traffic potential", "ahrefs"],
    ["Keyword,KD,Volume,CPC,Traffic potential", "ahrefs"],
    ["Keyword,Intent,Volume,Trend,Keyword Difficulty,CPC (USD),Competitive Density,SERP Features,Number of Results", "semrush"],
    ["Keyword,Intent,Volume,Trend,Keyword Difficulty Index,CPC (EUR),Competitive Density,SERP Features,Number of Results", "semrush"],
    ["Keyword,Position,Previous position,Search Volume,Keyword Difficulty,CPC,URL,Traffic", "semrush"],
    ["Top queries,Clicks,Impressions,CTR,Position", "search_console"],
    ["Query,Clicks,Impressions,CTR,Position", "search_console"],
    ["keyword", "plain_list"],
    ["Keywords", "plain_list"],
    ["query", "plain_list"],
    ["Search term,Volume", "plain_list"],
    ["keyword,volume,difficulty,cpc,intent,status,clusters,created_at", "plain_list"],
    ["\ufeff\"Keyword\"", "plain_list"],
    ["Name,Email", null],
    ["Keyword Stats 2026-11-01 at 10_00_00", null],
  ])("%s → %s", (header, format) => {
    expect(id(header)).toBe(format);
  });

  it("maps the columns of our own export", () => {
    const match = identifyHeader("keyword,volume,difficulty,cpc,intent,status,clusters,created_at".split(","));
    expect(match?.columns).toMatchObject({ keyword: 0, volume: 1, difficulty: 2, cpc: 3, intent: 4 });
  });

  it("normalises header text", () => {
    expect(normalizeHeader('\ufeff "Avg.  Monthly   Searches" ')).toBe("avg. monthly searches");
  });
});

describe("parseIntent", () => {
  it.each([
    ["Commercial", "commercial"],
    ["informational", "informational"],
    ["Commercial, Informational", "commercial"],
    ["Informational, Commercial", "informational"],
    ["C, I", "commercial"],
    ["I", "informational"],
    ["N", "navigational"],
    ["T", "transactional"],
    ["0", "commercial"],
    ["1", "informational"],
    ["2", "navigational"],
    ["3", "transactional"],
    ["1,3", "informational"],
    ["3; 0", "transactional"],
    ["Branded, Navigational", "navigational"],
    ["Branded, Local", null],
    ["", null],
    ["4", null],
  ])("%j → %s", (cell, intent) => {
    expect(parseIntent(cell)).toBe(intent);
  });
});

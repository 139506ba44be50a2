import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { MalformedCsvError, UnsupportedCsvError, type DetectedFormat } from "./detect";
import { normalizeKeyword } from "../keyword-text";
import { parseKeywordCsv, type ParsedRow } from "./parse";

const FIXTURES = new URL("../../../tests/fixtures/csv/", import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function* chunks(data: Uint8Array, sizes: (i: number) => number = () => data.length): AsyncGenerator<Uint8Array> {
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const size = Math.max(1, sizes(i));
    yield data.slice(offset, offset + size);
    offset += size;
  }
}

/** Deterministic pseudo-random chunk sizes (mulberry32). */
function randomSizes(seed: number, max: number): (i: number) => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 1 + ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max) | 0;
  };
}

async function collect(input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Uint8Array, options: { maxKeywordLength?: number } = {}) {
  const formats: DetectedFormat[] = [];
  const rows: ParsedRow[] = [];
  const source = input instanceof Uint8Array ? chunks(input) : input;
  for await (const row of parseKeywordCsv(source, { ...options, onFormat: (f) => formats.push(f) })) rows.push(row);
  expect(formats).toHaveLength(1);
  return { format: formats[0], rows };
}

const valid = (rows: ParsedRow[]) => rows.filter((r) => r.kind === "row");
const brief = (rows: ParsedRow[]) =>
  rows.map((r) => (r.kind === "row" ? [r.line, r.keyword, r.volume, r.difficulty, r.cpc, r.intent] : [r.line, "INVALID", r.reason]));

describe("fixtures", () => {
  it("Google Keyword Planner, UTF-16 LE with title lines", async () => {
    const { format, rows } = await collect(fixture("google-keyword-planner-utf16le.csv"));
    expect(format).toEqual({ format: "google_keyword_planner", encoding: "utf-16le", delimiter: "\t" });
    expect(brief(rows)).toEqual([
      // line 1-2: title lines, line 3: header. cpc = midpoint of the top-of-page bid range.
      [4, "running shoes", 90500, null, 1.545, null],
      [5, "trail running shoes", 22200, null, 1.285, null],
      [6, "best running shoes", 33100, null, 1.325, null],
      [7, "running shoes for women", 14800, null, 1.595, null],
      [8, "running shoe store near me", 2900, null, 3.025, null],
      [9, "zapatillas running", 1000, null, 0.385, null],
      [10, "ランニングシューズ", 880, null, 0.66, null],
      [11, "кроссовки для бега", 590, null, null, null],
      [12, "how to clean running shoes", 1900, null, null, null],
    ]);
  });

  it("Google Keyword Planner, UTF-8 CSV with volume ranges (lower bound)", async () => {
    const { format, rows } = await collect(fixture("google-keyword-planner-utf8.csv"));
    expect(format).toEqual({ format: "google_keyword_planner", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [4, "running shoes", 100000, null, 1.545, null],
      [5, "trail running shoes", 10000, null, 1.285, null],
      [6, "running shoes, wide fit", 1000, null, 0.875, null],
      [7, "waterproof running shoes", 1000, null, 1.23, null],
      [8, "barefoot running shoes review", 100, null, null, null],
      [9, "running shoes 2026 carbon plate", 10, null, null, null],
    ]);
  });

  it("Ahrefs, UTF-16 LE TSV", async () => {
    const { format, rows } = await collect(fixture("ahrefs-keywords-explorer-utf16le.csv"));
    expect(format).toEqual({ format: "ahrefs", encoding: "utf-16le", delimiter: "\t" });
    expect(brief(rows)).toEqual([
      [2, "running shoes", 90000, 76, 1.5, "commercial"],
      [3, "best running shoes", 33000, 71, 1.1, "informational"],
      [4, "running shoes for flat feet", 6400, 34, 0.9, "informational"],
      [5, "nike running shoes", 27000, 64, 1.7, "navigational"],
      [6, "buy running shoes online", 1200, 29, 2.4, "transactional"],
      [7, "running shoes 👟", 70, null, null, null],
      [8, "laufschuhe herren", 150, 8, 0.35, "commercial"],
    ]);
  });

  it("Ahrefs, UTF-8 CSV with every cell quoted and a KD column", async () => {
    const { format, rows } = await collect(fixture("ahrefs-keywords-explorer-utf8.csv"));
    expect(format).toEqual({ format: "ahrefs", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [2, "marathon training plan", 22000, 41, 0.8, null],
      [3, "half marathon training plan", 18000, 38, 0.75, null],
      [4, '"couch to 5k" app', 4100, 22, 1.2, null],
      [5, "running plan, beginners", 900, 15, null, null],
    ]);
  });

  it("Semrush, comma CSV with word intents", async () => {
    const { format, rows } = await collect(fixture("semrush-keyword-magic.csv"));
    expect(format).toEqual({ format: "semrush", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [2, "running shoes", 90500, 100, 1.54, "commercial"],
      [3, "best running shoes", 33100, 88, 1.12, "commercial"],
      [4, "running shoes for women", 14800, 85, 1.31, "commercial"],
      [5, "how to choose running shoes", 2900, 54, 0.88, "informational"],
      [6, "hoka running shoes", 49500, 71, 0.97, "navigational"],
      [7, "running shoes sale", 8100, 62, 1.76, "transactional"],
      [8, "are running shoes good for walking", 590, 29, 0, "informational"],
    ]);
  });

  it("Semrush, EU locale: BOM, semicolons, decimal commas, numeric intent codes", async () => {
    const { format, rows } = await collect(fixture("semrush-keyword-magic-eu.csv"));
    expect(format).toEqual({ format: "semrush", encoding: "utf-8", delimiter: ";" });
    expect(brief(rows)).toEqual([
      [2, "laufschuhe damen", 14800, 67, 0.85, "commercial"],
      [3, "laufschuhe test", 12100, 58, 0.62, "commercial"],
      [4, "welche laufschuhe für anfänger", 1300, 34, 0.41, "informational"],
      [5, "laufschuhe kaufen", 2400, 49, 1.2, "transactional"],
      [6, "asics gel nimbus", 9900, 44, 0.55, "navigational"],
    ]);
  });

  it("Search Console Queries.csv: impressions become volume", async () => {
    const { format, rows } = await collect(fixture("search-console-queries.csv"));
    expect(format).toEqual({ format: "search_console", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [2, "running shoes guide", 45872, null, null, null],
      [3, "how to clean running shoes", 12055, null, null, null],
      [4, "running shoes vs walking shoes", 9876, null, null, null],
      [5, "laufschuhe größe 42", 1580, null, null, null],
      [6, "best running shoes, 2026", 1499, null, null, null],
      [7, "site:example.com running", 41, null, null, null],
      [8, "running shoe size chart", 387, null, null, null],
    ]);
  });

  it("plain list without a header (CRLF, blank lines, stray whitespace, curly quotes)", async () => {
    const { format, rows } = await collect(fixture("plain-list.txt"));
    expect(format).toEqual({ format: "plain_list", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [1, "running shoes", null, null, null, null],
      [2, "Trail Running Shoes", null, null, null, null],
      [4, "running shoes for women", null, null, null, null],
      [5, "how to lace running shoes", null, null, null, null],
      [7, "running shoes, wide fit", null, null, null, null],
      [8, "marathon shoes", null, null, null, null],
      [9, "INVALID", "Keyword has no letters or digits (only punctuation or symbols)"],
    ]);
  });

  it("plain list with a Keyword header and CSV-quoted lines", async () => {
    const { format, rows } = await collect(fixture("plain-list-header.csv"));
    expect(format).toEqual({ format: "plain_list", encoding: "utf-8", delimiter: "," });
    expect(brief(rows)).toEqual([
      [2, "running shoes", null, null, null, null],
      [3, "running shoes, wide fit", null, null, null, null],
      [4, '12" running shoes', null, null, null, null],
      [6, "trail running shoes", null, null, null, null],
    ]);
  });

  it("plain list in UTF-16 BE with a surrogate pair", async () => {
    const { format, rows } = await collect(fixture("plain-list-utf16be.txt"));
    expect(format).toEqual({ format: "plain_list", encoding: "utf-16be", delimiter: "," });
    expect(valid(rows).map((r) => r.keyword)).toEqual(["running shoes 👟", "laufschuhe größe 42", "ランニングシューズ"]);
  });

  it("unsupported file → UnsupportedCsvError naming the headers and the formats", async () => {
    const error = await collect(fixture("unsupported-contacts.csv")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedCsvError);
    expect((error as Error).message).toMatch(/"Name", "Email", "Company", "Phone"/);
    expect((error as Error).message).toMatch(/Google Keyword Planner.*Ahrefs.*Semrush.*Search Console.*plain keyword list/);
  });
});

describe("chunk boundaries", () => {
  const names = [
    "google-keyword-planner-utf16le.csv",
    "google-keyword-planner-utf8.csv",
    "ahrefs-keywords-explorer-utf16le.csv",
    "ahrefs-keywords-explorer-utf8.csv",
    "semrush-keyword-magic.csv",
    "semrush-keyword-magic-eu.csv",
    "search-console-queries.csv",
    "plain-list.txt",
    "plain-list-header.csv",
    "plain-list-utf16be.txt",
  ];

  it.each(names)("%s: 1-byte and random chunks give identical rows", async (name) => {
    const data = fixture(name);
    const whole = await collect(chunks(data));
    expect(whole.rows.length).toBeGreaterThan(0);
    expect(await collect(chunks(data, () => 1))).toEqual(whole);
    for (const seed of [1, 2, 3]) expect(await collect(chunks(data, randomSizes(seed, 97)))).toEqual(whole);
  });

  it("UTF-16 LE/BE: odd splits inside code units, surrogate pairs and CRLF pairs", async () => {
    const text =
      "Keyword\tVolume\tKD\tCPC\tTraffic potential\r\n" +
      "😀 emoji 𝄞 music\t10\t5\t1.5\t100\r\n" +
      "\r\n" +
      "ümlaut straße\t20\t6\t2.5\t200\r\n" +
      "日本語キーワード\t1,300\t7\t0.5\t300\r\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]));
    const expected = [
      [2, "😀 emoji 𝄞 music", 10, 5, 1.5, null],
      [4, "ümlaut straße", 20, 6, 2.5, null],
      [5, "日本語キーワード", 1300, 7, 0.5, null],
    ];
    for (const data of [le, be]) {
      for (const sizes of [() => 1, () => 3, () => 5, randomSizes(7, 11), randomSizes(8, 4096)]) {
        const { format, rows } = await collect(chunks(data, sizes));
        expect(format.format).toBe("ahrefs");
        expect(brief(rows)).toEqual(expected);
      }
    }
  });

  it("UTF-8: multi-byte characters split across chunks", async () => {
    const data = utf8("\ufeffKeyword,Volume\n€uro 😀 ключ,1\n\"a, 日本\",2\n");
    for (const sizes of [() => 1, () => 2, randomSizes(5, 5)]) {
      const { rows } = await collect(chunks(data, sizes));
      expect(brief(rows)).toEqual([
        [2, "€uro 😀 ключ", 1, null, null, null],
        [3, "a, 日本", 2, null, null, null],
      ]);
    }
  });

  it("accepts a web ReadableStream", async () => {
    const data = fixture("semrush-keyword-magic.csv");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < data.length; i += 100) controller.enqueue(data.slice(i, i + 100));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual(await collect(data));
  });
});

const SEMRUSH_HEADER = "Keyword,Intent,Volume,Trend,Keyword Difficulty,CPC (USD),Competitive Density,SERP Features,Number of Results";

describe("rows", () => {
  it("gives invalid rows a reason and keeps physical line numbers", async () => {
    const file = [
      SEMRUSH_HEADER, // 1
      'running shoes,Commercial,90500,"0.67,1.00",100,1.54,1.00,Sitelinks,1340000000', // 2
      ",Commercial,100,,10,1,0.5,,1", // 3
      '"bad\u0007bell",I,10,,1,1,1,,1', // 4
      '"tab\there",I,10,,1,1,1,,1', // 5
      "???,I,10,,1,1,1,,1", // 6
      "a keyword that is far too long for the limit,I,10,,1,1,1,,1", // 7
      "bad volume,I,abc,,1,1,1,,1", // 8
      "kd too high,I,10,,140,1,1,,1", // 9
      "negative kd,I,10,,-3,1,1,,1", // 10
      "negative cpc,I,10,,5,-1.20,1,,1", // 11
      "", // 12: blank, skipped silently
      ",,,,,,,,", // 13: empty cells only, skipped silently
      'multi line serp,I,10,,5,1,1,"Sitelinks,\r\nReviews,\nVideo",1', // 14-16
      "after multi line,C,1.2K,,5,$0.50,1,,1", // 17
      "short row,T", // 18
      "  spaced   out  keyword ,N,,,,,,,", // 19
    ].join("\r\n");
    const { rows } = await collect(utf8(file), { maxKeywordLength: 30 });
    expect(brief(rows)).toEqual([
      [2, "running shoes", 90500, 100, 1.54, "commercial"],
      [3, "INVALID", "Empty keyword"],
      [4, "INVALID", "Keyword contains control characters (tabs, line breaks…)"],
      [5, "INVALID", "Keyword contains control characters (tabs, line breaks…)"],
      [6, "INVALID", "Keyword has no letters or digits (only punctuation or symbols)"],
      [7, "INVALID", "Keyword is longer than 30 characters (44)"],
      [8, "INVALID", 'Volume "abc" is not a number'],
      [9, "INVALID", 'Keyword Difficulty "140" is outside 0–100'],
      [10, "INVALID", 'Keyword Difficulty "-3" is outside 0–100'],
      [11, "INVALID", 'CPC (USD) "-1.20" is negative'],
      [14, "multi line serp", 10, 5, 1, "informational"],
      [17, "after multi line", 1200, 5, 0.5, "commercial"],
      [18, "short row", null, null, null, "transactional"],
      [19, "spaced out keyword", null, null, null, "navigational"],
    ]);
    const invalid = rows.find((r) => r.kind === "invalid" && r.line === 8);
    expect(invalid).toMatchObject({ raw: "bad volume,I,abc,,1,1,1,,1" });
  });

  it("enforces the default 255-character limit", async () => {
    const ok = "k".repeat(255);
    const long = "k".repeat(256);
    const { rows } = await collect(utf8(`keyword\n${ok}\n${long}\n`));
    expect(rows[0]).toMatchObject({ kind: "row", keyword: ok });
    expect(rows[1]).toMatchObject({ kind: "invalid", line: 3, reason: "Keyword is longer than 255 characters (256)" });
  });

  it("flags bytes that are not valid UTF-8", async () => {
    const data = Buffer.concat([utf8("keyword\ncaf"), Buffer.from([0xe9]), utf8("\ncafe\n")]);
    const { rows } = await collect(new Uint8Array(data));
    expect(brief(rows)).toEqual([
      [2, "INVALID", "Keyword contains characters that could not be decoded; save the file as UTF-8 or UTF-16"],
      [3, "cafe", null, null, null, null],
    ]);
  });

  it("skips the totals rows tools append, but not in a plain list", async () => {
    const gkp =
      "Keyword Stats 2026-11-01 at 10_00_00\nNovember 1, 2025 - October 31, 2026\n" +
      "Keyword,Currency,Avg. monthly searches,Competition,Competition (indexed value),Top of page bid (low range),Top of page bid (high range)\n" +
      "running shoes,USD,90500,High,100,0.71,2.38\n" +
      "Total,USD,90500,,,,\n" +
      "Totals: 1 keyword,,,,,,\n" +
      "total gym,USD,5400,Medium,50,0.20,0.90\n";
    expect(valid((await collect(utf8(gkp))).rows).map((r) => r.keyword)).toEqual(["running shoes", "total gym"]);
    expect(valid((await collect(utf8("total\nrunning shoes\n"))).rows).map((r) => r.keyword)).toEqual(["total", "running shoes"]);
  });

  it("reads Ahrefs-style per-intent flag columns", async () => {
    const file = "Keyword,KD,Volume,CPS,Informational,Navigational,Commercial,Transactional\nrun,1,10,1,false,false,true,true\nwalk,1,10,1,FALSE,FALSE,FALSE,FALSE\n";
    const { rows } = await collect(utf8(file));
    expect(valid(rows).map((r) => r.intent)).toEqual(["commercial", null]);
  });

  it("counts lines in \\r-only (classic Mac) and mixed line endings", async () => {
    const { rows } = await collect(utf8("keyword\rone\r\rtwo\r\nthree\nfour"));
    expect(valid(rows).map((r) => [r.line, r.keyword])).toEqual([
      [2, "one"],
      [4, "two"],
      [5, "three"],
      [6, "four"],
    ]);
  });

  it("yields nothing for a header-only file", async () => {
    const { format, rows } = await collect(utf8(`${SEMRUSH_HEADER}\r\n`));
    expect(format.format).toBe("semrush");
    expect(rows).toEqual([]);
  });

  it("strips the formula guard our export adds", async () => {
    const { rows } = await collect(utf8("keyword\n'=cmd keyword\n'-10% off shoes\n'til dawn\n"));
    expect(valid(rows).map((r) => r.keyword)).toEqual(["=cmd keyword", "-10% off shoes", "'til dawn"]);
  });
});

describe("errors and cleanup", () => {
  it("rejects empty files and binary uploads", async () => {
    await expect(collect(new Uint8Array())).rejects.toThrow(UnsupportedCsvError);
    await expect(collect(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/unzip it and upload Queries\.csv/);
  });

  it("rejects a quote that is never closed", async () => {
    const error = await collect(utf8(`${SEMRUSH_HEADER}\nok,C,1,,1,1,1,,1\n"broken,C,1,,1,1,1,,1\nmore,C,1,,1,1,1,,1\n`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedCsvError);
    expect((error as Error).message).toMatch(/never closed/);
  });

  it("passes on errors from the input stream", async () => {
    async function* failing() {
      yield utf8(`keyword\n${"running shoes\n".repeat(5000)}`);
      throw new Error("upload aborted");
    }
    await expect(collect(failing())).rejects.toThrow("upload aborted");
  });

  it("releases the input when the consumer stops early", async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield utf8(i === 0 ? "keyword\n" : `kw ${i}\n`.repeat(1000));
      } finally {
        closed = true;
      }
    }
    for await (const row of parseKeywordCsv(source())) {
      expect(row.kind).toBe("row");
      break;
    }
    expect(closed).toBe(true);

    let cancelled = false;
    let n = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8(n++ === 0 ? "keyword\n" : "kw\n".repeat(1000)));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const row of parseKeywordCsv(stream)) {
      expect(row.kind).toBe("row");
      break;
    }
    expect(cancelled).toBe(true);
  });
});

describe("streaming", () => {
  it("parses 200,000 generated rows with bounded read-ahead and bounded memory", { timeout: 120_000 }, async () => {
    const ROWS = 200_000;
    const header = utf8(`${SEMRUSH_HEADER}\n`);
    const padding = "Sitelinks, Reviews, Image, Video, Popular products, People also ask, Things to know, ".repeat(3);
    const rowText = (i: number) =>
      `generated keyword number ${i},"Commercial, Informational",${i % 100000},"0.67,0.67,0.82,1.00,0.82,0.82,0.82,0.82,0.82,0.67,0.67,0.82",${i % 101},${(i % 500) / 100},0.5,"${padding}",${i * 13}\n`;
    const rowBytes = utf8(rowText(100000)).length; // every row has about this size
    let produced = 0;
    async function* generate() {
      yield header;
      produced += header.length;
      for (let i = 0; i < ROWS; i += 100) {
        let text = "";
        for (let j = i; j < i + 100; j++) text += rowText(j);
        const bytes = utf8(text);
        produced += bytes.length;
        yield bytes;
      }
    }

    const gc = exposeGc();
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let maxLive = 0;
    let maxAhead = 0;
    let count = 0;
    let lastLine = 0;
    for await (const row of parseKeywordCsv(generate())) {
      count++;
      lastLine = row.line;
      if (row.kind !== "row") throw new Error(`unexpected invalid row: ${JSON.stringify(row)}`);
      if (count % 10_000 === 0) {
        maxAhead = Math.max(maxAhead, produced - count * rowBytes);
        if (gc) {
          gc();
          maxLive = Math.max(maxLive, process.memoryUsage().heapUsed - baseline);
        }
      }
    }
    const fileBytes = produced;
    expect(count).toBe(ROWS);
    expect(lastLine).toBe(ROWS + 1);
    expect(fileBytes).toBeGreaterThan(80_000_000);
    // The parser never reads far ahead of the consumer…
    expect(maxAhead).toBeLessThan(4 * 1024 * 1024);
    // …and its live heap stays a small fraction of the file.
    if (gc) expect(maxLive).toBeLessThan(32 * 1024 * 1024);
  });
});

describe("normalizeKeyword", () => {
  it.each([
    ["Running Shoes", "running shoes"],
    ["  running\t\tshoes \n", "running shoes"],
    ['"running shoes"', "running shoes"],
    ["'running shoes'", "running shoes"],
    ["“running shoes”", "running shoes"],
    ['" "quoted" "', "quoted"],
    ["ＲＵＮＮＩＮＧ　ｓｈｏｅｓ", "running shoes"], // full-width (NFKC)
    ["ﬁtness", "fitness"], // ligature (NFKC)
    ["run\u200bning", "running"], // zero-width space
    ["Straße", "straße"],
    ['12" pizza', '12" pizza'],
    ["ПРИВЕТ мир", "привет мир"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeKeyword(input)).toBe(expected);
  });
});

function exposeGc(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

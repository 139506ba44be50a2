import { describe, expect, it } from "vitest";
import { EXPORT_HEADER, keywordsToCsv, textCell, type ExportKeywordRow } from "./export";
import { parseKeywordCsv, type ParsedRow } from "./parse";
import type { DetectedFormat } from "./detect";

const createdAt = new Date("2026-11-01T10:00:00.000Z");
const row = (overrides: Partial<ExportKeywordRow>): ExportKeywordRow => ({
  keyword: "running shoes",
  volume: 90500,
  difficulty: 76,
  cpc: 1.54,
  intent: "commercial",
  status: "new",
  clusterNames: [],
  createdAt,
  ...overrides,
});

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return new Uint8Array(Buffer.concat(parts));
}

describe("keywordsToCsv", () => {
  it("writes a BOM, the header, CRLF lines and empty cells for nulls", async () => {
    const bytes = await readAll(
      keywordsToCsv(from([row({}), row({ keyword: "trail shoes", volume: null, difficulty: null, cpc: null, intent: null, status: "archived", clusterNames: ["Shoes", "Trail"] })])),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      `${EXPORT_HEADER}\r\n` +
        "running shoes,90500,76,1.54,commercial,new,,2026-11-01T10:00:00.000Z\r\n" +
        "trail shoes,,,,,archived,\"Shoes; Trail\",2026-11-01T10:00:00.000Z\r\n", // ";" quoted for semicolon-locale Excel
    );
  });

  it("quotes cells that need it and neutralises formulas", () => {
    expect(textCell("plain")).toBe("plain");
    expect(textCell("a,b")).toBe('"a,b"');
    expect(textCell('12" pizza')).toBe('"12"" pizza"');
    expect(textCell("line\nbreak")).toBe('"line\nbreak"');
    expect(textCell(" padded")).toBe('" padded"');
    expect(textCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(textCell("+1 shoes")).toBe("'+1 shoes");
    expect(textCell("-10% off")).toBe("'-10% off");
    expect(textCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(textCell("\tcmd")).toBe("'\tcmd");
    expect(textCell("a=b")).toBe("a=b");
  });

  it("round-trips through parseKeywordCsv", async () => {
    const rows = [
      row({}),
      row({ keyword: "shoes, red", volume: 1300, difficulty: 0, cpc: 0, intent: "informational" }),
      row({ keyword: '12" running shoes', volume: null, difficulty: null, cpc: null, intent: null }),
      row({ keyword: "=cmd|' /C calc'!A0", intent: "transactional", clusterNames: ["=evil", "ok"] }),
      row({ keyword: "-10% off running shoes", intent: "navigational", status: "@draft" }),
      row({ keyword: "laufschuhe größe 42 👟", cpc: 0.000123 }),
    ];
    const formats: DetectedFormat[] = [];
    const parsed: ParsedRow[] = [];
    for await (const r of parseKeywordCsv(keywordsToCsv(from(rows)), { onFormat: (f) => formats.push(f) })) parsed.push(r);
    expect(formats).toEqual([{ format: "plain_list", encoding: "utf-8", delimiter: "," }]);
    expect(parsed).toEqual(
      rows.map((r, i) => ({
        kind: "row",
        line: i + 2,
        keyword: r.keyword,
        volume: r.volume,
        difficulty: r.difficulty,
        cpc: r.cpc,
        intent: r.intent,
      })),
    );
  });

  it("streams: pulls rows on demand and stops the source when cancelled", async () => {
    let pulled = 0;
    let finished = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) {
          pulled++;
          yield row({ keyword: `keyword ${i}` });
        }
      } finally {
        finished = true;
      }
    }
    const reader = keywordsToCsv(endless()).getReader();
    await reader.read(); // header
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^keyword 0,/);
    expect(pulled).toBeLessThan(5000); // one ~64 KB batch at a time, not the whole source
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("reports an error from the source", async () => {
    async function* failing() {
      yield row({});
      throw new Error("db went away");
    }
    await expect(readAll(keywordsToCsv(failing()))).rejects.toThrow("db went away");
  });
});

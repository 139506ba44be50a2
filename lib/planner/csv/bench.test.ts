// Throughput measurement, not an assertion: CSV_BENCH=1 npx vitest run --project unit lib/planner/csv/bench
// Parses 1,000,000 rows generated on the fly (a 100k-row body replayed ten times, so generation cost
// stays out of the number) and prints rows/s by wall clock and by CPU time, plus peak heap.

import { describe, expect, it } from "vitest";
import { parseKeywordCsv } from "./parse";

const ROWS = 1_000_000;
const BODY_ROWS = 100_000;
const INTENTS = ["Commercial", "Informational", "Commercial, Informational", "Transactional", "Navigational"];

type Shape = { name: string; header: string; row: (i: number) => string; encode: (s: string) => Uint8Array; bom: number[] };

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));

const SHAPES: Shape[] = [
  {
    name: "Semrush CSV (UTF-8, comma, quoted trend/SERP cells)",
    header: "Keyword,Intent,Volume,Trend,Keyword Difficulty,CPC (USD),Competitive Density,SERP Features,Number of Results\n",
    row: (i) =>
      `best running shoes for women ${i},"${INTENTS[i % 5]}",${(i * 37) % 100000},"0.67,0.67,0.82,1.00,0.82,0.82,0.82,0.82,0.82,0.67,0.67,0.82",${i % 101},${(i % 500) / 100},0.${i % 100},"Sitelinks, Reviews, Image pack",${i * 13}\n`,
    encode: utf8,
    bom: [],
  },
  {
    name: "Keyword Planner (UTF-16 LE, tab, 12 monthly columns)",
    header:
      "Keyword Stats 2026-11-01 at 10_00_00\r\nNovember 1, 2025 - October 31, 2026\r\nKeyword\tCurrency\tAvg. monthly searches\tThree month change\tYoY change\tCompetition\tCompetition (indexed value)\tTop of page bid (low range)\tTop of page bid (high range)" +
      Array.from({ length: 12 }, (_, m) => `\tSearches: M${m} 2026`).join("") +
      "\r\n",
    row: (i) => `running shoes ${i}\tUSD\t${i % 100000}\t0%\t-18%\tHigh\t${i % 101}\t0.71\t2.38${"\t1000".repeat(12)}\r\n`,
    encode: utf16le,
    bom: [0xff, 0xfe],
  },
  {
    name: "plain list (UTF-8, one keyword per line)",
    header: "",
    row: (i) => `best running shoes for women size ${i}\n`,
    encode: utf8,
    bom: [],
  },
];

describe.runIf(process.env.CSV_BENCH)("throughput", () => {
  it.each(SHAPES)("$name", { timeout: 600_000 }, async (shape) => {
    const body: Uint8Array[] = [];
    let bodyBytes = 0;
    for (let i = 0; i < BODY_ROWS; i += 500) {
      let text = "";
      for (let j = i; j < i + 500; j++) text += shape.row(j);
      const bytes = shape.encode(text);
      body.push(bytes);
      bodyBytes += bytes.length;
    }
    async function* file() {
      yield new Uint8Array([...shape.bom, ...shape.encode(shape.header)]);
      for (let r = 0; r < ROWS / BODY_ROWS; r++) yield* body;
    }

    let peakHeap = 0;
    let rows = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for await (const row of parseKeywordCsv(file())) {
      if (row.kind === "row") rows++;
      if ((rows & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const wall = (performance.now() - t0) / 1000;
    const cpuUsed = process.cpuUsage(cpu0);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
    const mb = (bodyBytes * (ROWS / BODY_ROWS)) / 1e6;
    console.log(
      `${shape.name}: ${rows} rows, ${mb.toFixed(0)} MB, ${wall.toFixed(2)} s wall = ${Math.round(rows / wall)} rows/s ` +
        `(${(mb / wall).toFixed(1)} MB/s); ${cpu.toFixed(2)} s CPU = ${Math.round(rows / cpu)} rows/CPU-s; peak heap ${(peakHeap / 1e6).toFixed(0)} MB`,
    );
    expect(rows).toBe(ROWS);
  });
});

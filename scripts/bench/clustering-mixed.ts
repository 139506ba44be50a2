/**
 * Prints every mixed cluster (keywords of more than one label) of the labelled clustering sets at the
 * default setting, with each keyword's label and intent, to see why the precision rules miss.
 * Run: npx tsx scripts/bench/clustering-mixed.ts [set-name-prefix] [--alone]
 *   --alone also lists the keywords left unclustered, with their labels.
 */
import fs from "node:fs";
import path from "node:path";
import { evaluateFixture, fixtureInput, type LabelledFixture } from "../../lib/planner/clustering/quality";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/clustering");
const args = process.argv.slice(2);
const prefix = args.find((a) => !a.startsWith("--")) ?? "";
const showAlone = args.includes("--alone");

for (const file of fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith(".json") && f.startsWith(prefix)).sort()) {
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, file), "utf8")) as LabelledFixture;
  const { input, labels } = fixtureInput(fixture);
  const { result, scores, coverage } = evaluateFixture(fixture);
  const f = (x: number) => x.toFixed(3);
  console.log(`## ${file}: coverage ${f(coverage)}, precision ${f(scores.pairPrecision)}, recall ${f(scores.pairRecall)}, ARI ${f(scores.adjustedRand)}, mixed ${scores.mixedClusters}`);
  for (const c of result.clusters) {
    if (new Set(c.keywordIds.map((id) => labels.get(id))).size < 2) continue;
    console.log(`  -- "${c.name}" (${c.keywordIds.length} keywords, confidence ${c.confidence})`);
    for (const id of c.keywordIds) console.log(`     ${input[id - 1].keyword.padEnd(48)} [${labels.get(id)}] ${input[id - 1].intent ?? ""}`);
  }
  if (showAlone) for (const id of result.unclusteredIds) console.log(`  alone: ${input[id - 1].keyword} [${labels.get(id)}]`);
}

// A local OpenAI-compatible server (tests/fixtures/openai-stub.ts) as its own process, to try the
// AI features without a key: npx tsx scripts/openai-stub.ts --port 4010 --latency 300 [--jitter 0.5]
// then set OPENAI_BASE_URL=http://127.0.0.1:4010/v1 (or save it in Settings → Integrations).
import { startOpenAIStub } from "../tests/fixtures/openai-stub";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

startOpenAIStub({ port: arg("--port", 4010), latencyMs: arg("--latency", 0), jitter: arg("--jitter", 0) }).then((stub) => {
  console.log(`OpenAI stub listening at ${stub.url} (latency ${stub.latencyMs} ms ± ${Math.round(stub.jitter * 100)} %)`);
});

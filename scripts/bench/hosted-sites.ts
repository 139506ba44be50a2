// `npm run bench:hosted`: the zero-JS hosted-site renderer (lib/hosted) measured in one run:
//  - throughput of a post page served from memory (server.mjs's copy: `x-hosted-cache: SERVER-HIT`)
//    against the same HTML as a static file from nginx, and the same post on the real WordPress when
//    one is running (/work/shared/tools/wordpress/start.sh);
//  - throughput on a cache miss: the server restarted with HOSTED_CACHE_TTL_MS=0 (no copies kept), so every request
//    renders the page from the database (`x-hosted-cache: MISS`, checked before and after);
//  - bytes of JavaScript and Lighthouse mobile scores (performance, accessibility, best practices,
//    SEO) of the article, home and category pages, with the `lighthouse` package and Debian's
//    Chromium (BENCH_LIGHTHOUSE=0 skips; CHROME_PATH overrides /usr/bin/chromium).
//
// 1. Builds the app into .next-bench (BENCH_DIST_DIR reuses another build, BENCH_SKIP_BUILD=1 skips)
//    and starts it in production mode (server.mjs) on a fresh embedded database.
// 2. Seeds an account, a site, a sector and articles through the REST API and publishes them to
//    the hosted site (and, when a WordPress is available, the first one to WordPress too).
// 3. Saves the hosted page's HTML, serves it with a private nginx instance on another port, and with a
//    bare Node http server (the ceiling of any one Node process here).
// 4. Runs wrk (keep-alive, BENCH_CONNECTIONS connections, BENCH_SECONDS each) and prints the table, with
//    the CPU time the server used per request (read from /proc; steadier than req/s on a shared machine).
//    BENCH_ROUNDS=N measures cache hit → nginx → bare Node N times in turn and reports medians;
//    BENCH_SERVER=<file in this folder> starts another version of server.mjs (to compare two builds of it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { loadWordPressCredentials } from "../../tests/fixtures/wordpress";

const PORT = Number(process.env.BENCH_PORT ?? 3590);
const NGINX_PORT = PORT + 1;
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** The second, low-concurrency run of the miss path and WordPress (the machine is shared: less queueing). */
const LOW_CONNECTIONS = Number(process.env.BENCH_LOW_CONNECTIONS ?? 4);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
/** The server file to start (another version of server.mjs in this folder, to compare two in the same conditions). */
const SERVER = process.env.BENCH_SERVER ?? "server.mjs";
/** Rounds of cache hit → nginx → bare Node, one after the other (medians reported): a shared machine's load moves between runs. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const WORK = path.resolve(".data", "bench");
const base = `http://127.0.0.1:${PORT}`;
const children: ChildProcess[] = [];

function cleanup() {
  for (const child of children) if (child.pid && child.exitCode === null) {
    try { process.kill(-child.pid, "SIGTERM"); } catch { child.kill("SIGTERM"); }
  }
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));

async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the script reads arbitrary JSON
async function api(method: string, url: string, body?: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}${url}`, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

type Measured = { rps: number; p99: string; raw: string; cpuUs?: number };

/**
 * wrk against `url`; with `pids`, also the CPU time those processes used per request (user + system,
 * from /proc): unlike req/s, it hardly moves with what else runs on a shared machine.
 */
function wrk(url: string, connections = CONNECTIONS, pids?: () => number[]): Measured {
  const before = pids ? cpuTicks(pids()) : 0;
  // Plain requests, as a CDN or a browser without a copy would send them (no compression).
  const out = spawnSync("wrk", [`-t${Math.min(THREADS, connections)}`, `-c${connections}`, `-d${SECONDS}s`, "--latency", url], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1] ?? 0);
  // The latency distribution's line (wrk also prints a "99%" elsewhere when a thread's stdev is wide).
  const p99 = /Latency Distribution[\s\S]*?99%\s+(\S+)/.exec(out.stdout)?.[1] ?? "?";
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out.stdout);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} error responses during the run`);
  const requests = Number(/(\d+) requests in/.exec(out.stdout)?.[1] ?? 0);
  const cpuUs = pids && requests ? ((cpuTicks(pids()) - before) * (1e6 / CLOCK_TICKS)) / requests : undefined;
  return { rps, p99, raw: out.stdout, cpuUs };
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** utime + stime of these processes, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return sum;
}

/** A process and its children (nginx's master and workers). */
function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]) === pid) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** Waits until the process uses under 2 % of a core over a second (true), or 30 s have passed (false). */
async function settle(pid: number): Promise<boolean> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const before = cpuTicks([pid]);
    await new Promise((r) => setTimeout(r, 1000));
    if (cpuTicks([pid]) - before <= CLOCK_TICKS * 0.02) return true;
  }
  return false;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

type Server = { process: ChildProcess; stop: () => Promise<void> };

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, "-p", String(PORT), "-H", "127.0.0.1"], { env: { ...env, NODE_ENV: "production" }, stdio: "ignore", detached: true });
  children.push(child);
  await waitFor(`${base}/api/health`);
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        try { process.kill(-child.pid!, "SIGTERM"); } catch { child.kill("SIGTERM"); }
      }),
  };
}

/** On a new connection each time: a kept-alive one may have been closed by the server while wrk ran. */
function cacheHeader(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(String(res.headers["x-hosted-cache"] ?? "none"));
    }).on("error", reject);
  });
}

/** The x-hosted-cache values of `n` requests on new connections, so that every thread of the server answers some ("SERVER-HIT ×16"). */
async function cachePaths(url: string, n = 16): Promise<string> {
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const path = await cacheHeader(url);
    seen.set(path, (seen.get(path) ?? 0) + 1);
  }
  return [...seen].map(([path, count]) => `${path} ×${count}`).join(", ");
}

type Scores = { performance: number; accessibility: number; bestPractices: number; seo: number; scriptBytes: number; scripts: number; totalBytes: number; lcpMs: number };

/** Lighthouse mobile (the default form factor and throttling) in Debian's Chromium, via the CLI. */
function lighthouse(url: string, out: string): Scores {
  const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const run = spawnSync(process.execPath, [path.resolve("node_modules/lighthouse/cli/index.js"), url, "--quiet", "--output=json", `--output-path=${out}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage", "--only-categories=performance,accessibility,best-practices,seo"], { env: { ...process.env, CHROME_PATH: chrome }, encoding: "utf8", timeout: 180_000 });
  if (run.status !== 0 || !existsSync(out)) throw new Error(`lighthouse failed for ${url}: ${run.stderr?.slice(-800)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lighthouse's JSON report
  const report: any = JSON.parse(readFileSync(out, "utf8"));
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lighthouse's JSON report
  const requests: any[] = report.audits["network-requests"]?.details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === "Script");
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    scripts: scripts.length,
    scriptBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    totalBytes: report.audits["total-byte-weight"]?.numericValue ?? 0,
    lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? 0),
  };
}

async function main() {
  if (spawnSync("which", ["wrk"]).status !== 0) throw new Error("wrk is not installed (apt-get install -y wrk).");
  if (spawnSync("which", ["nginx"]).status !== 0) throw new Error("nginx is not installed (apt-get install -y nginx-light).");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const env = { ...process.env, NEXT_DIST_DIR: DIST, APP_DATA_DIR: path.join(WORK, "data"), EMBEDDED_PG_PORT: String(PORT + 52000), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "silent", APP_URL: base } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  delete env.HOSTED_CACHE_TTL_MS;
  if (!process.env.BENCH_SKIP_BUILD && !(process.env.BENCH_DIST_DIR && existsSync(path.join(DIST, "BUILD_ID")))) {
    console.log(`building into ${DIST}…`);
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // server.mjs's hosted fast path, always from the current sources (a few seconds).
  if (spawnSync(process.execPath, ["scripts/hosted/bundle.mjs", DIST], { stdio: "inherit" }).status !== 0) throw new Error("bundling the hosted fast path failed");
  let server = await startServer(env);

  const email = `bench-${Date.now()}@example.test`;
  await api("POST", "/api/v1/auth/register/", { email, password: "bench password 123", name: "Bench", account_name: "Bench" });
  const token = (await api("POST", "/api/v1/auth/token/", { email, password: "bench password 123" })).access_token as string;
  const site = await api("POST", "/api/v1/auth/sites/", { name: "Bench Garden", description: "A site for the benchmark.", seo_metadata: { metaDescription: "Raised beds, soil and small-garden notes." } }, token).catch(() => api("POST", "/api/v1/auth/sites/", { name: "Bench Garden", description: "A site for the benchmark." }, token));
  const industry = (await api("GET", "/api/v1/auth/industries/", undefined, token))[0] ?? (await api("GET", "/api/v1/auth/industries/", undefined, token)).results?.[0];
  const selected = await api("POST", `/api/v1/auth/sites/${site.id}/select_sectors/`, { industry_slug: industry.slug, sector_slugs: [industry.sectors[0].slug] }, token);
  const sector = selected.sectors[0];
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<h2>Section ${i + 1}</h2><p>${"Raised beds warm up early in spring, drain well and keep paths tidy. ".repeat(6)}</p>`).join("");
  const creds = loadWordPressCredentials();
  let wpDestination: string | null = null;
  if (creds && (await fetch(`${creds.baseUrl}/wp-json/`).then((r) => r.ok).catch(() => false))) {
    const integration = await api("POST", "/api/v1/integration/integrations/", { platform: "wordpress", site_id: site.id, base_url: creds.baseUrl, username: creds.username, app_password: creds.appPassword }, token);
    wpDestination = `integration:${integration.id}`;
  }
  // The measured article (hosted + WordPress), and a few more so the home and the archive have cards.
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) {
    const title = i === 0 ? "Raised bed soil: the complete guide" : `Small garden notes ${i}`;
    const content = await api("POST", "/api/v1/writer/content/", { site_id: site.id, sector_id: sector.id, title, html: paragraphs, meta_description: "Everything about raised bed soil." }, token);
    await api("POST", "/api/v1/writer/content/bulk_update/", { ids: [content.id], status: "review" }, token);
    await api("POST", "/api/v1/publisher/publish/", { content_id: content.id, destinations: i === 0 && wpDestination ? ["hosted", wpDestination] : ["hosted"], categories: ["Raised Beds"], tags: ["soil"] }, token);
    ids.push(content.id);
  }
  let records: { destination: string; status: string; remote_url: string | null; error: string | null }[] = [];
  for (let i = 0; i < 120; i++) {
    const all = await Promise.all(ids.map(async (id) => (await api("GET", `/api/v1/publisher/publishing-records/?content_id=${id}`, undefined, token)).results as typeof records));
    records = all[0];
    if (all.flat().every((r) => r.status === "published" || r.status === "failed")) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const hosted = records.find((r) => r.destination === "hosted");
  if (hosted?.status !== "published") throw new Error(`hosted publish failed: ${JSON.stringify(records)}`);
  const hostedUrl = `${base}${hosted.remote_url}`;
  const homeUrl = `${base}/sites/${site.slug}`;
  const categoryUrl = `${homeUrl}/category/raised-beds`;
  const first = await fetch(hostedUrl);
  const html = await first.text();
  const firstCache = first.headers.get("x-hosted-cache");
  const scriptTags = (html.match(/<script\b(?![^>]*application\/ld\+json)/gi) ?? []).length;

  // nginx serving the same HTML as a static file (our own instance, our own port).
  const root = path.join(WORK, "nginx");
  mkdirSync(path.join(root, "logs"), { recursive: true });
  writeFileSync(path.join(root, "post.html"), html);
  writeFileSync(path.join(root, "nginx.conf"), `worker_processes 2;\npid ${root}/nginx.pid;\nerror_log ${root}/logs/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path ${root}/tmp;\n  proxy_temp_path ${root}/tmp;\n  fastcgi_temp_path ${root}/tmp;\n  uwsgi_temp_path ${root}/tmp;\n  scgi_temp_path ${root}/tmp;\n  keepalive_requests 100000;\n  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}; location / { default_type text/html; } }\n}\n`);
  const nginx = spawn("nginx", ["-c", path.join(root, "nginx.conf"), "-p", root, "-g", "daemon off;"], { stdio: "ignore", detached: true });
  children.push(nginx);
  await waitFor(`http://127.0.0.1:${NGINX_PORT}/post.html`);

  const cores = (await import("node:os")).cpus().length;
  console.log(`\nwrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s, keep-alive, on this machine (${cores} cores); the load generator shares the cores.`);
  console.log(`server: ${SERVER}`);
  console.log(`hosted page: ${hostedUrl} (${html.length} bytes; <script> elements other than JSON-LD: ${scriptTags})`);
  const results: [string, Measured][] = [];
  const wordpress = records.find((r) => r.destination === "wordpress");
  // For scale: the least any Node server can do per request here (one process, the same bytes, no work).
  const BARE_PORT = NGINX_PORT + 1;
  const bare = spawn(process.execPath, ["-e", `const b=require("fs").readFileSync(${JSON.stringify(path.join(root, "post.html"))});require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});r.end(b)}).listen(${BARE_PORT},"127.0.0.1")`], { stdio: "ignore", detached: true });
  children.push(bare);
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
  // Warm-up (JIT, first-use paths), not measured.
  for (const url of [hostedUrl, `http://127.0.0.1:${NGINX_PORT}/post.html`, `http://127.0.0.1:${BARE_PORT}/`]) spawnSync("wrk", ["-t1", "-c4", "-d2s", url]);
  // Each of the server's threads keeps its own copy: its first request rendered, the warm-up filled them all.
  const hitCache = await cachePaths(hostedUrl);
  console.log(`cache path: first request x-hosted-cache=${firstCache}, after the warm-up ${hitCache} (SERVER-HIT = from server.mjs's memory, SERVER-MISS = rendered from the database by server.mjs's fast path, both without entering Next; HIT / MISS = the same inside Next, when the fast path is not built)`);
  // The publishing just before leaves work in the server (background jobs): the first round's CPU per request counted it.
  const settled = await settle(server.process.pid!);
  if (!settled) console.log("note: the server did not go quiet within 30 s before the first round (background work)");
  const rounds: { hit: Measured; nginx: Measured; bare: Measured }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const hit = wrk(hostedUrl, CONNECTIONS, () => [server.process.pid!]);
    const static_ = wrk(`http://127.0.0.1:${NGINX_PORT}/post.html`, CONNECTIONS, () => withChildren(nginx.pid!));
    const bareRun = wrk(`http://127.0.0.1:${BARE_PORT}/`, CONNECTIONS, () => [bare.pid!]);
    rounds.push({ hit, nginx: static_, bare: bareRun });
    if (ROUNDS > 1) console.log(`round ${round}: cache hit ${hit.rps.toFixed(0)} req/s (${hit.cpuUs!.toFixed(1)} µs CPU/request), nginx ${static_.rps.toFixed(0)} (${static_.cpuUs!.toFixed(1)} µs), bare Node ${bareRun.rps.toFixed(0)} (${bareRun.cpuUs!.toFixed(1)} µs); cache hit / nginx = ${(hit.rps / static_.rps).toFixed(3)}`);
  }
  const middle = (pick: (r: (typeof rounds)[number]) => Measured): Measured => {
    const runs = rounds.map(pick);
    const rps = median(runs.map((r) => r.rps));
    return { ...runs.find((r) => r.rps === rps)!, cpuUs: median(runs.map((r) => r.cpuUs!)) };
  };
  results.push([`hosted post, cache hit (${hitCache})`, middle((r) => r.hit)]);
  results.push(["nginx static file (same HTML)", middle((r) => r.nginx)]);
  results.push(["bare Node http server (same HTML, one process, no work)", middle((r) => r.bare)]);
  try { process.kill(-bare.pid!, "SIGTERM"); } catch { bare.kill("SIGTERM"); }
  if (wordpress?.status === "published" && wordpress.remote_url) {
    results.push(["WordPress post page (same post)", wrk(wordpress.remote_url)]);
    results.push([`WordPress post page at ${LOW_CONNECTIONS} connections (same post)`, wrk(wordpress.remote_url, LOW_CONNECTIONS)]);
  }
  else console.log(`WordPress: not measured (${wordpress ? wordpress.error : "no WordPress available; run /work/shared/tools/wordpress/start.sh"})`);

  // Lighthouse on the warm server (cache hits, like a visitor after the first).
  const lh: [string, Scores][] = [];
  if (process.env.BENCH_LIGHTHOUSE !== "0") {
    for (const [name, url] of [["article", hostedUrl], ["home", homeUrl], ["category archive", categoryUrl]] as const) {
      lh.push([name, lighthouse(url, path.join(WORK, `lighthouse-${name.replace(/\W+/g, "-")}.json`))]);
    }
  }

  // Cache miss: the same server keeping no copies (HOSTED_CACHE_TTL_MS=0), so every request renders from the database.
  await server.stop();
  server = await startServer({ ...env, HOSTED_CACHE_TTL_MS: "0" });
  await fetch(hostedUrl);
  await new Promise((r) => setTimeout(r, 5));
  const missBefore = await cacheHeader(hostedUrl);
  const miss = wrk(hostedUrl);
  const missLow = wrk(hostedUrl, LOW_CONNECTIONS);
  await new Promise((r) => setTimeout(r, 5));
  const missAfter = await cacheHeader(hostedUrl);
  results.push([`hosted post, cache miss (${missBefore}/${missAfter}: rendered per request)`, miss]);
  results.push([`hosted post, cache miss at ${LOW_CONNECTIONS} connections (${missBefore}/${missAfter})`, missLow]);
  const health = wrk(`${base}/api/health`, LOW_CONNECTIONS);
  results.push([`Next's /api/health at ${LOW_CONNECTIONS} connections (for scale: the cheapest request through Next)`, health]);
  await server.stop();

  console.log(`\n| target | req/s${ROUNDS > 1 ? ` (median of ${ROUNDS} rounds)` : ""} | p99 | server CPU per request |\n|---|---:|---:|---:|`);
  for (const [name, r] of results) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.cpuUs === undefined ? "" : `${r.cpuUs.toFixed(1)} µs`} |`);
  const rps = Object.fromEntries(results.map(([name, r]) => [name.split(" (")[0], r.rps]));
  const hit = rps["hosted post, cache hit"];
  const static_ = rps["nginx static file"];
  const wp = rps["WordPress post page"];
  // With rounds, the median of each round's ratio: a round's two runs are seconds apart, so the machine's load moved less between them.
  const hitRatio = ROUNDS > 1 ? median(rounds.map((r) => r.hit.rps / r.nginx.rps)) : hit / static_;
  console.log(`\ncache hit / nginx = ${hitRatio.toFixed(3)} (target ≥ 0.5${ROUNDS > 1 ? `; median of the ${ROUNDS} rounds' ratios` : ""})`);
  const bareRps = rps["bare Node http server"];
  console.log(`bare Node / nginx = ${(bareRps / static_).toFixed(3)}, cache hit / bare Node = ${(hit / bareRps).toFixed(3)} (how close the hit path comes to a Node process doing nothing)`);
  const cpu = Object.fromEntries(results.map(([name, r]) => [name.split(" (")[0], r.cpuUs]));
  const [hitCpu, nginxCpu, bareCpu] = [cpu["hosted post, cache hit"]!, cpu["nginx static file"]!, cpu["bare Node http server"]!];
  console.log(`CPU per request: cache hit ${hitCpu.toFixed(1)} µs, nginx ${nginxCpu.toFixed(1)} µs (all workers), bare Node ${bareCpu.toFixed(1)} µs; nginx / cache hit = ${(nginxCpu / hitCpu).toFixed(3)}, bare Node / cache hit = ${(bareCpu / hitCpu).toFixed(3)} (the share of a core's work: what req/s would show with a core to spare)`);
  if (wp) {
    console.log(`cache miss / WordPress = ${(miss.rps / wp).toFixed(1)}× at ${CONNECTIONS} connections (target ≥ 20×), path ${missBefore}/${missAfter}`);
    const wpLow = rps[`WordPress post page at ${LOW_CONNECTIONS} connections`];
    if (wpLow) console.log(`cache miss / WordPress = ${(missLow.rps / wpLow).toFixed(1)}× at ${LOW_CONNECTIONS} connections`);
    console.log(`cache hit / WordPress = ${(hit / wp).toFixed(1)}×`);
  }
  if (lh.length) {
    console.log("\nLighthouse 12 mobile (default throttling), Chromium " + (spawnSync(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout.trim() || "?"));
    console.log("| page | performance | accessibility | best practices | SEO | JS requests | JS bytes | total bytes | LCP |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, s] of lh) console.log(`| ${name} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${s.scripts} | ${s.scriptBytes} | ${s.totalBytes} | ${s.lcpMs} ms |`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

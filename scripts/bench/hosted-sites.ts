// `npm run bench:hosted`: requests per second for a hosted-site post page, against the same HTML
// served as a static file by nginx, and the same post served by the real WordPress — in one run.
//
// 1. Builds the app into .next-bench (BENCH_DIST_DIR reuses another build, BENCH_SKIP_BUILD=1 skips)
//    and starts it in production mode on a fresh embedded database.
// 2. Seeds an account, a site, a sector and an article through the REST API and publishes it to
//    the hosted site (and, when a WordPress is available, to WordPress through the adapter).
// 3. Saves the hosted page's HTML, serves it with a private nginx instance on another port.
// 4. Runs wrk (keep-alive, BENCH_CONNECTIONS connections, BENCH_SECONDS each) and prints the table.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadWordPressCredentials } from "../../tests/fixtures/wordpress";

const PORT = Number(process.env.BENCH_PORT ?? 3590);
const NGINX_PORT = PORT + 1;
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
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

function wrk(url: string): { rps: number; p99: string; raw: string } {
  const out = spawnSync("wrk", [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", url], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1] ?? 0);
  const p99 = /99%\s+(\S+)/.exec(out.stdout)?.[1] ?? "?";
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out.stdout);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} error responses during the run`);
  return { rps, p99, raw: out.stdout };
}

async function main() {
  if (spawnSync("which", ["wrk"]).status !== 0) throw new Error("wrk is not installed (apt-get install -y wrk).");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const env = { ...process.env, NEXT_DIST_DIR: DIST, APP_DATA_DIR: path.join(WORK, "data"), EMBEDDED_PG_PORT: String(PORT + 52000), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "silent" } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  if (!process.env.BENCH_SKIP_BUILD && !(process.env.BENCH_DIST_DIR && existsSync(path.join(DIST, "BUILD_ID")))) {
    console.log(`building into ${DIST}…`);
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], { env: { ...env, NODE_ENV: "production" }, stdio: "ignore", detached: true });
  children.push(server);
  await waitFor(`${base}/api/health`);

  const email = `bench-${Date.now()}@example.test`;
  await api("POST", "/api/v1/auth/register/", { email, password: "bench password 123", name: "Bench", account_name: "Bench" });
  const token = (await api("POST", "/api/v1/auth/token/", { email, password: "bench password 123" })).access_token as string;
  const site = await api("POST", "/api/v1/auth/sites/", { name: "Bench Garden", description: "A site for the benchmark." }, token);
  const industry = (await api("GET", "/api/v1/auth/industries/", undefined, token))[0] ?? (await api("GET", "/api/v1/auth/industries/", undefined, token)).results?.[0];
  await api("POST", `/api/v1/auth/sites/${site.id}/select_sectors/`, { industry_slug: industry.slug, sector_slugs: [industry.sectors[0].slug] }, token);
  const sector = (await api("GET", `/api/v1/auth/sites/${site.id}/sectors/`, undefined, token))[0];
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<h2>Section ${i + 1}</h2><p>${"Raised beds warm up early in spring, drain well and keep paths tidy. ".repeat(6)}</p>`).join("");
  const content = await api("POST", "/api/v1/writer/content/", { site_id: site.id, sector_id: sector.id, title: "Raised bed soil: the complete guide", html: paragraphs, meta_description: "Everything about raised bed soil." }, token);
  await api("POST", "/api/v1/writer/content/bulk_update/", { ids: [content.id], status: "review" }, token);
  const creds = loadWordPressCredentials();
  const destinations = ["hosted"];
  if (creds && (await fetch(`${creds.baseUrl}/wp-json/`).then((r) => r.ok).catch(() => false))) {
    const integration = await api("POST", "/api/v1/integration/integrations/", { platform: "wordpress", site_id: site.id, base_url: creds.baseUrl, username: creds.username, app_password: creds.appPassword }, token);
    destinations.push(`integration:${integration.id}`);
  }
  await api("POST", "/api/v1/publisher/publish/", { content_id: content.id, destinations }, token);
  let records: { destination: string; status: string; remote_url: string | null; error: string | null }[] = [];
  for (let i = 0; i < 120; i++) {
    records = (await api("GET", `/api/v1/publisher/publishing-records/?content_id=${content.id}`, undefined, token)).results;
    if (records.every((r) => r.status === "published" || r.status === "failed")) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const hosted = records.find((r) => r.destination === "hosted");
  if (hosted?.status !== "published") throw new Error(`hosted publish failed: ${JSON.stringify(records)}`);
  const hostedUrl = `${base}${hosted.remote_url}`;
  const html = await (await fetch(hostedUrl)).text();
  await fetch(hostedUrl); // the first request renders; later ones are served from the cache
  const cache = (await fetch(hostedUrl)).headers.get("x-nextjs-cache");

  // nginx serving the same HTML as a static file (our own instance, our own port).
  const root = path.join(WORK, "nginx");
  mkdirSync(path.join(root, "logs"), { recursive: true });
  writeFileSync(path.join(root, "post.html"), html);
  writeFileSync(path.join(root, "nginx.conf"), `worker_processes 2;\npid ${root}/nginx.pid;\nerror_log ${root}/logs/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path ${root}/tmp;\n  proxy_temp_path ${root}/tmp;\n  fastcgi_temp_path ${root}/tmp;\n  uwsgi_temp_path ${root}/tmp;\n  scgi_temp_path ${root}/tmp;\n  keepalive_requests 100000;\n  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}; location / { default_type text/html; } }\n}\n`);
  const nginx = spawn("nginx", ["-c", path.join(root, "nginx.conf"), "-p", root, "-g", "daemon off;"], { stdio: "ignore", detached: true });
  children.push(nginx);
  await waitFor(`http://127.0.0.1:${NGINX_PORT}/post.html`);

  const wordpress = records.find((r) => r.destination === "wordpress");
  console.log(`\nwrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s, keep-alive, on this machine (${(await import("node:os")).cpus().length} cores); the load generator shares the cores.`);
  console.log(`hosted page: ${hostedUrl} (${html.length} bytes, x-nextjs-cache: ${cache ?? "none"})`);
  const results: [string, string, { rps: number; p99: string }][] = [];
  results.push(["hosted site (Next.js, cached page)", hostedUrl, wrk(hostedUrl)]);
  results.push(["nginx static file (same HTML)", `http://127.0.0.1:${NGINX_PORT}/post.html`, wrk(`http://127.0.0.1:${NGINX_PORT}/post.html`)]);
  if (wordpress?.status === "published" && wordpress.remote_url) results.push(["WordPress post page (same post)", wordpress.remote_url, wrk(wordpress.remote_url)]);
  else console.log(`WordPress: not measured (${wordpress ? wordpress.error : "no WordPress available; run /work/shared/tools/wordpress/start.sh"})`);
  console.log("\n| target | req/s | p99 |\n|---|---:|---:|");
  for (const [name, , r] of results) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p99} |`);
  const [app, static_, wp] = results.map((r) => r[2].rps);
  console.log(`\nhosted / nginx = ${(app / static_).toFixed(3)} (target ≥ 0.1)`);
  if (wp) console.log(`hosted / WordPress = ${(app / wp).toFixed(1)}× (target ≥ 20×)`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

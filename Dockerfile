# syntax=docker/dockerfile:1
# One image for every Concierge process: CONCIERGE_SERVICES chooses what a container runs (docs/deploy.md).
# Stages: build (npm ci, esbuild bundle) → runtime-deps (only the bundle's external and native modules,
# compiled against the same Node) → a slim, non-root runtime with the bundle, the contract and the web app.

FROM node:20-bookworm AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && node scripts/runtime-package.mjs > /runtime-package.json

FROM node:20-bookworm AS runtime-deps
WORKDIR /app
COPY --from=build /runtime-package.json package.json
# Pinned to the lockfile's versions; better-sqlite3 gets its prebuilt binary or compiles here (build tools
# are in this stage only).
RUN npm install --omit=dev --no-audit --no-fund --no-package-lock \
 && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CONCIERGE_HOST=0.0.0.0 \
    CONCIERGE_PORT=3000 \
    CONCIERGE_METRICS_HOST=0.0.0.0 \
    CONCIERGE_METRICS_PORT=9464 \
    CONCIERGE_LOG_FORMAT=json \
    CONCIERGE_DATA_DIR=/var/lib/concierge
WORKDIR /app
COPY --from=runtime-deps /app/package.json /app/package.json
COPY --from=runtime-deps /app/node_modules /app/node_modules
COPY --from=build /src/dist/concierge.mjs /src/dist/openapi.json /app/dist/
COPY --from=build /src/bin /app/bin
COPY --from=build /src/api /app/api
COPY --from=build /src/web /app/web
COPY --from=build /src/services/chat/bot /app/services/chat/bot
# The data folder holds the SQLite file (embedded mode), generated keys and the trained NLU model.
RUN mkdir -p /var/lib/concierge && chown node:node /var/lib/concierge
USER node
EXPOSE 3000 9464
VOLUME ["/var/lib/concierge"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/concierge.js"]
CMD ["start"]

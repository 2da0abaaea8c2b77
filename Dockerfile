# Production image of the API, serving the H5 pages beside it.
# Builds exactly what the README builds: domain -> api -> miniapp (H5).
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm i -g pnpm@10.34.9
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.base.json ./
COPY packages/domain/package.json packages/domain/
COPY apps/api/package.json apps/api/
COPY apps/miniapp/package.json apps/miniapp/
RUN pnpm install --frozen-lockfile
COPY packages/domain packages/domain
COPY apps/api apps/api
COPY apps/miniapp apps/miniapp
RUN pnpm --filter @mamagang/domain build \
 && pnpm --filter @mamagang/api build \
 && pnpm --filter @mamagang/miniapp build:h5 \
 && pnpm --filter @mamagang/api deploy --prod --legacy /out \
 && cp -r apps/miniapp/dist/h5 /out/h5

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 H5_DIR=/app/h5
WORKDIR /app
COPY --from=build /out /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# WEB_CONCURRENCY API processes on one port (default: one per core); see apps/api/README.md.
CMD ["node", "--enable-source-maps", "dist/cluster.js"]

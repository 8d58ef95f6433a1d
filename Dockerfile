# Kizuna GraphQL API. Used by docker-compose.yml; on its own:
#   docker build -t kizuna-api .
#   docker run -p 127.0.0.1:4000:4000 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... kizuna-api
# Without NEO4J_URI the API serves the embedded in-process store.

# --- build: compile TypeScript with the dev dependencies
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY explorer ./explorer
RUN npm run build

# --- runtime: production dependencies and the compiled code only
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY seed ./seed
USER node
EXPOSE 4000
CMD ["node", "dist/cli.js", "serve"]

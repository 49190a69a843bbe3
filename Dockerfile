# syntax=docker/dockerfile:1
#
# Tributary: the host (`tributary serve`) and the CI review (`tributary review`) in one image.
#
#   docker build -t tributary .                  # with Node.js 22 (npx) for stdio MCP servers
#   docker build --target slim -t tributary:slim .   # without Node.js: HTTP MCP servers only
#
#   docker run --rm -p 8420:8420 -e TRIBUTARY_MCP_KEY="$(openssl rand -hex 32)" tributary serve --urls http://0.0.0.0:8420
#
# The default command, `serve`, listens on 127.0.0.1 inside the container, which is unreachable from outside
# it. The image does not listen on 0.0.0.0 by itself: without TRIBUTARY_MCP_KEY that would open every upstream
# tool to anyone who reaches the port. Pass the key and --urls together, as above (README, "Deploy").

# .NET 10 images are Ubuntu 24.04 ("noble"); Microsoft ships no Debian images for .NET 10.
ARG DOTNET_TAG=10.0-noble
# Ubuntu 24.04's own nodejs is 18, older than the 20 the README asks for: Node comes from the official image.
ARG NODE_TAG=22-bookworm-slim

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_TAG} AS build
WORKDIR /src
# Restore first, from the project files only, so a source change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Directory.Build.props src/
COPY src/McpClientRegistry/Tributary.McpClientRegistry.csproj src/McpClientRegistry/
COPY src/Agents/Tributary.Agents.csproj src/Agents/
COPY src/Server/Tributary.Server.csproj src/Server/
RUN dotnet restore src/Server/Tributary.Server.csproj
COPY src/ src/
# The executable embeds the shipped config/ (what `tributary init` writes, the schemas `tributary config schema` prints).
COPY config/ config/
# Framework-dependent with its app host: /app/tributary runs with the runtime image's .NET.
RUN dotnet publish src/Server/Tributary.Server.csproj -c Release --no-restore -o /app/publish

FROM node:${NODE_TAG} AS node

# The runtime without Node.js: `docker build --target slim`.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_TAG} AS slim
WORKDIR /app
COPY --from=build /app/publish/ ./
COPY config/ config/
ENV TRIBUTARY_CONFIG=/app/config/tributary.yml \
    PATH="${PATH}:/app"
EXPOSE 8420
# The .NET images' unprivileged `app` user (APP_UID=1654; its home, /home/app, holds npx's cache).
USER $APP_UID
# `tributary` is on PATH too, so a GitLab job (which replaces the entrypoint with a shell) runs `tributary review`.
ENTRYPOINT ["tributary"]
CMD ["serve"]

# The default image: slim plus Node.js 22 and npm/npx, for stdio MCP servers such as `npx -y @modelcontextprotocol/server-everything`.
FROM slim AS runtime
USER root
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
USER $APP_UID

# syntax=docker/dockerfile:1
# RegistryGuard container image: probe a registry from Kubernetes, verify an image from CI, scan a
# registry's storage mounted read-only. Build: docker build -t registryguard:0.1.0 .
#
# One native executable (Native AOT, linux-x64) on a distroless base: no .NET runtime, no shell, no package manager.
# The build stage is the SDK image that carries the Native AOT toolchain (clang, the linker, zlib headers); the
# runtime stage is Ubuntu Chiseled runtime-deps ("-extra": with tzdata, which serve's schedules read time zones from).
# The executable carries the runtime's own zlib copy, as the chiseled base has no zlib (the Debian package links the
# system's instead: scripts/release.sh). It starts in milliseconds, which matters for a probe every 15 minutes.
#
# Base images are pinned to exact patch versions (bump both together with the SDK in global.json); pin
# them by digest (@sha256:...) where you mirror them. Lint: scripts/lint-dockerfile.sh.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble-aot AS build
WORKDIR /src
# Project files first: the restore layer is reused until a dependency changes.
COPY global.json NuGet.config Directory.Build.props Directory.Packages.props ./
COPY scripts/container-publish.sh scripts/
COPY src/RegistryGuard.Core/RegistryGuard.Core.csproj src/RegistryGuard.Core/
COPY src/RegistryGuard.Cli/RegistryGuard.Cli.csproj src/RegistryGuard.Cli/
COPY src/RegistryGuard.Demo/RegistryGuard.Demo.csproj src/RegistryGuard.Demo/
RUN bash scripts/container-publish.sh restore
COPY src/ src/
ARG PUBLISH_DIR=/app
RUN bash scripts/container-publish.sh publish "$PUBLISH_DIR"

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.12-noble-chiseled-extra AS runtime
# No diagnostics IPC socket (it would need a writable /tmp), HOME and TMPDIR on /tmp so nothing is written under
# the read-only root. Globalization is invariant in the executable itself (InvariantGlobalization).
ENV DOTNET_EnableDiagnostics=0 \
    HOME=/tmp \
    PATH=/app:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TMPDIR=/tmp
WORKDIR /app
# Owned by root and not writable by the process: the application never writes next to itself.
COPY --from=build --chown=0:0 /app/ /app/
# 1654 is the unprivileged "app" user of the .NET images (chiseled ones included); numeric so runAsNonRoot can
# verify it.
USER 1654:1654
ENTRYPOINT ["/app/registryguard"]
CMD ["--help"]

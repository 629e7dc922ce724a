# syntax=docker/dockerfile:1
# RegistryGuard container image: probe a registry from Kubernetes, verify an image from CI, scan a
# registry's storage mounted read-only. Build: docker build -t registryguard:0.1.0 .
#
# Framework-dependent ReadyToRun on the runtime image (not self-contained on runtime-deps): our own
# assemblies are precompiled for a fast start of each 15-minute run, while the framework stays the
# runtime image's own (already ReadyToRun, patched by bumping the runtime tag); the published output
# is ~3 MB instead of ~70 MB, and the same output runs on any host with the .NET 10 runtime
# (scripts/container-build.sh checks it that way where no container engine is available).
#
# Base images are pinned to exact patch versions (bump both together with the SDK in global.json); pin
# them by digest (@sha256:...) where you mirror them. Lint: scripts/lint-dockerfile.sh.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
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

FROM mcr.microsoft.com/dotnet/runtime:10.0.12 AS runtime
# No diagnostics IPC socket (it would need a writable /tmp), no telemetry of any kind, culture-invariant
# like the build (InvariantGlobalization), HOME on /tmp so nothing is written under the read-only root.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    DOTNET_ROOT=/usr/share/dotnet \
    HOME=/tmp \
    PATH=/app:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TMPDIR=/tmp
WORKDIR /app
# Owned by root and not writable by the process: the application never writes next to itself.
COPY --from=build --chown=0:0 /app/ /app/
# 1654 is the unprivileged "app" user of the .NET images; numeric so runAsNonRoot can verify it.
USER 1654:1654
ENTRYPOINT ["/app/registryguard"]
CMD ["--help"]

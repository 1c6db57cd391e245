# syntax=docker/dockerfile:1
# Build: docker build -t pm-guide --build-arg VERSION=$(git describe --tags --always --dirty) --build-arg COMMIT=$(git rev-parse HEAD) .
# Run:   docker run -p 8080:8080 -e BASE_URL=https://guide.example.com pm-guide
#        (or -e PORT=9000 -p 9000:9000: the server and its health check both follow PORT/ADDR)

# The base images follow their tags (golang:1.26-bookworm, distroless
# static-debian12), not digests: a rebuild picks up their security fixes,
# and no digest was verified from where this file was written. For a build
# that must be repeatable, pin both by digest as well, e.g.
#   docker buildx imagetools inspect golang:1.26-bookworm   # prints the digest
#   FROM golang:1.26-bookworm@sha256:<digest> AS build
# and renew the digests on purpose (Dependabot and Renovate do it for you).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static binary; content, templates and static files are embedded in it.
# The build context has no .git, so the version and commit come in as
# arguments (the Build line above); guide -version prints them.
ARG VERSION=""
ARG COMMIT=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/guide ./cmd/guide

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/guide /guide
USER nonroot:nonroot
# No ENV ADDR here: it would override PORT. With neither set, it listens on :8080.
# The Go runtime's soft memory limit, as the binary sets it when GOMEMLIMIT
# is unset: the collector works harder as the heap nears it, so the server
# stays under 100 MB whatever it is asked (doc/operations.md, Memory), well
# inside a container limit of 128 MiB.
ENV GOMEMLIMIT=64MiB
EXPOSE 8080
# No shell or curl in this image: the binary checks its own /healthz, at the
# address it reads from the same PORT/ADDR as the server (503 while draining).
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/guide", "-healthcheck"]
ENTRYPOINT ["/guide"]

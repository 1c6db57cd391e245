# syntax=docker/dockerfile:1
# Build: docker build -t pm-guide .
# Run:   docker run -p 8080:8080 -e BASE_URL=https://guide.example.com pm-guide

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static binary; content, templates and static files are embedded in it.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/guide ./cmd/guide

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/guide /guide
USER nonroot:nonroot
ENV ADDR=:8080
EXPOSE 8080
# No shell or curl in this image: the binary checks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/guide", "-healthcheck"]
ENTRYPOINT ["/guide"]

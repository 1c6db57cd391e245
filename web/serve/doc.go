// Package serve holds the HTTP plumbing that knows nothing of the guide's
// pages, each piece given what it needs (a writer, a logger, a callback
// that answers an error page) rather than reaching into the page server:
//
//   - LogRequests: the request log, the request id and the count of every
//     request; NewLogHandler, the shape of every log line, and
//     RequestLine, the request line written by hand in that shape;
//   - SecurityHeaders, CrossOriginProtection and Recover: the headers on
//     every response, the check on cross-site posts, panics turned into
//     a 500 page;
//   - Redirects: redirects that never leave the site (Send), trailing
//     slashes (Slashes) and queries on pages that take none (BareURL);
//   - ClientAddrs and Limiter: the client's address behind a trusted
//     proxy, and token buckets per client network, bounded in memory;
//   - Health: /healthz and the drain before shutdown;
//   - Representation: a response prepared once (its ETag and 304, its
//     gzip and Brotli encodings, its headers), CompressAll and the
//     EncodingCache for pages made at start, and Fresh for a body made
//     for one request;
//   - Cache: the bounded cache of pages built from a query's answers, each
//     built once, in a bounded number of build slots, for clients still
//     waiting; LimitQuery: queries too large to parse;
//   - Metrics: the Prometheus metrics of requests, builds and outcomes.
//
// Package web composes them into the site's router (web/routes.go).
package serve

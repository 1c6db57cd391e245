// Package serve holds the HTTP plumbing that knows nothing of the guide's
// pages: /healthz and the drain before shutdown (Health), and the log's
// shape (NewLogHandler for every line; RequestLine, the request line
// written by hand in the same shape). Each piece takes what it needs as
// arguments; package web composes them into the site's router.
package serve

package main

import "github.com/guide/pmvspm/web/serve"

// sharedEncodings is one store of compressed pages for the many servers the
// tests start (runWith), as web's tests do: each page is compressed at
// start-up's Brotli quality once, not once a server (which, under -race,
// took most of this package's time).
var sharedEncodings = serve.NewEncodingCache()

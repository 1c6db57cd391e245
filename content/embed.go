package content

import "embed"

// Files holds the guide's content files, compiled into the binary.
//
//go:embed home.md guide/*.md faq/*.md pages/*.md compare.yaml whichrole.yaml words.yaml publisher.yaml hiringkit.yaml
var Files embed.FS

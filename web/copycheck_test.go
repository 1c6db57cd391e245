package web

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// runLength is the longest run of words the site may share with the source
// article, minus one: every word on the site is ours.
const runLength = 12

// sourceRunsFile holds a hash of every run of runLength words in the source
// article, one per line, sorted: enough to find a copied run without the
// article, which lives beside the repository, not in it. TestSourceRuns
// keeps it in step with the article wherever the article is present;
// go test ./web -run TestSourceRuns -update rewrites it.
const sourceRunsFile = "testdata/source-runs.txt"

// sourceFile is the article the guide's facts come from: beside the
// repository's folder, or beside the folder that holds the repository's
// worktrees. GUIDE_SOURCE overrides the path.
func sourceFile() string {
	if p := os.Getenv("GUIDE_SOURCE"); p != "" {
		return p
	}
	for _, p := range []string{"../../shared/source/guide-source.txt", "../../../shared/source/guide-source.txt"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "../../shared/source/guide-source.txt"
}

// words splits text into lower-case words, with typographic quotes and
// apostrophes folded so that "it’s" and "it's" match.
func words(text string) []string {
	text = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(text))
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// runHash is the hash stored for one run of words: the first 8 bytes of its
// SHA-256, in hex. A false match needs a 64-bit collision.
func runHash(run []string) string {
	sum := sha256.Sum256([]byte(strings.Join(run, " ")))
	return hex.EncodeToString(sum[:8])
}

// hashRuns returns the sorted, distinct hashes of every run of runLength
// words in text.
func hashRuns(text string) []string {
	w := words(text)
	var hashes []string
	for i := 0; i+runLength <= len(w); i++ {
		hashes = append(hashes, runHash(w[i:i+runLength]))
	}
	slices.Sort(hashes)
	return slices.Compact(hashes)
}

// TestSourceRuns checks that the stored hashes are those of the article,
// when the article is at hand, and rewrites them with -update.
func TestSourceRuns(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(sourceFile())
	if os.IsNotExist(err) && os.Getenv("GUIDE_SOURCE") == "" {
		t.Skipf("source article not found at %s; %s is checked against it where it is", sourceFile(), sourceRunsFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []byte(strings.Join(hashRuns(string(src)), "\n") + "\n")
	if *update {
		if err := os.WriteFile(sourceRunsFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(sourceRunsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the article's runs; run go test ./web -run TestSourceRuns -update", sourceRunsFile)
	}
}

// TestNoCopiedRuns fails on any run of runLength words that a public page
// shares with the source article, found by its stored hash.
func TestNoCopiedRuns(t *testing.T) {
	t.Parallel()
	f, err := os.Open(sourceRunsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runs := map[string]bool{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		runs[sc.Text()] = true
	}
	if len(runs) < 1000 {
		t.Fatalf("%s has only %d runs; is it the article's?", sourceRunsFile, len(runs))
	}
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		texts := []string{spacedText(doc.Find("body").Nodes[0]), doc.Find(`meta[name=description]`).AttrOr("content", "")}
		for _, text := range texts {
			w := words(text)
			for i := 0; i+runLength <= len(w); i++ {
				if runs[runHash(w[i:i+runLength])] {
					t.Errorf("%s copies %d words from the source: %q", path, runLength, strings.Join(w[i:i+runLength], " "))
				}
			}
		}
	}
}

// spacedText is the text under n with a space between text nodes, so that
// adjacent list items or cells do not run together into one word.
func spacedText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

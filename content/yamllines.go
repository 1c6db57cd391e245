package content

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// frontMatterLine is the file line on which front matter starts: line 1 is
// the opening "---". Problems with the front matter as a whole (a required
// key missing) are reported there.
const frontMatterLine = 2

// yamlLines finds where things are in a YAML source, for error messages:
// the lines of its top-level keys and of the entries of a sequence, found
// by goccy/go-yaml path in the syntax tree.
type yamlLines struct {
	doc   *ast.DocumentNode // nil if the source does not parse
	first int               // the file line on which the source starts
}

func newYAMLLines(src []byte, first int) yamlLines {
	y := yamlLines{first: first}
	if f, err := parser.ParseBytes(src, 0); err == nil && len(f.Docs) > 0 {
		y.doc = f.Docs[0]
	}
	return y
}

// key returns the file line of a top-level key, or the source's first line
// if the key is absent.
func (y yamlLines) key(name string) int {
	if kv := y.entry(name); kv != nil {
		return y.line(kv.Key)
	}
	return y.first
}

// entries returns the file line on which each of the n entries of the
// top-level sequence name starts; where the tree cannot tell, the key's line.
func (y yamlLines) entries(name string, n int) []int {
	lines := slices.Repeat([]int{y.key(name)}, n)
	if kv := y.entry(name); kv != nil {
		if seq, ok := kv.Value.(*ast.SequenceNode); ok {
			for i, v := range seq.Values[:min(n, len(seq.Values))] {
				if line := y.line(v); line != 0 {
					lines[i] = line
				}
			}
		}
	}
	return lines
}

// entry returns the key-value pair of a top-level key, or nil.
func (y yamlLines) entry(name string) *ast.MappingValueNode {
	_, kv := y.find(name)
	return kv
}

// find returns the node at path p ("hires[2].ad") and, when it is a
// mapping's value, its key-value pair; nil if the source has no such node.
func (y yamlLines) find(p string) (ast.Node, *ast.MappingValueNode) {
	if y.doc == nil || y.doc.Body == nil {
		return nil, nil
	}
	path, err := yaml.PathString("$." + p)
	if err != nil {
		return nil, nil
	}
	node, err := path.FilterNode(y.doc.Body)
	if err != nil || node == nil {
		return nil, nil
	}
	kv, _ := ast.Parent(y.doc, node).(*ast.MappingValueNode)
	return node, kv
}

// line returns the file line of a node, or 0 if it has no position.
func (y yamlLines) line(n ast.Node) int {
	if tok := n.GetToken(); tok != nil && tok.Position != nil {
		return y.first + tok.Position.Line - 1
	}
	return 0
}

// nearest returns the file line of a path ("errors.not_found.heading",
// "hires[2].ad.title"), or of its closest ancestor present when it is
// missing.
func (y yamlLines) nearest(p string) int {
	for p != "" {
		if line := y.pathLine(p); line != 0 {
			return line
		}
		// The parent: p without its last ".key" or "[i]" ("" at the top).
		p = p[:max(strings.LastIndexAny(p, ".["), 0)]
	}
	return y.first
}

// A yamlFile is a YAML file that was loaded, kept for problems found after
// loading it.
type yamlFile struct {
	file  string
	lines yamlLines
}

// At returns a problem at the line of path in the file (a path such as
// "questions[1].options[2].value" or "hires[2].ad.decides"), or of its
// nearest part present: for checks made outside this package, such as the
// server's of the words against the form's contract.
func (f yamlFile) At(path, format string, args ...any) error {
	return fileErrorf(f.file, f.lines.nearest(path), format, args...)
}

// pathLine is the line of the key of path p (or of the sequence entry), or 0.
func (y yamlLines) pathLine(p string) int {
	switch node, kv := y.find(p); {
	case kv != nil:
		return y.line(kv.Key)
	case node != nil:
		return y.line(node)
	}
	return 0
}

// eachValue calls f with the path ("hires[2].ad.title") and value of every
// string in v, a struct, in declaration order, in slices and in maps (by
// key order); optional is set by the tag kit:"optional". An empty slice or
// map that is not optional is reported as one empty value under its key.
func eachValue(v reflect.Value, key string, optional bool, f func(key, s string, optional bool)) {
	switch v.Kind() {
	case reflect.String:
		f(key, v.String(), optional)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			field := t.Field(i)
			name := field.Tag.Get("yaml")
			if !field.IsExported() || name == "-" {
				continue
			}
			if key != "" {
				name = key + "." + name
			}
			eachValue(v.Field(i), name, field.Tag.Get("kit") == "optional", f)
		}
	case reflect.Slice:
		if v.Len() == 0 && !optional {
			f(key, "", false)
		}
		for i := range v.Len() {
			eachValue(v.Index(i), fmt.Sprintf("%s[%d]", key, i), false, f)
		}
	case reflect.Map:
		if v.Len() == 0 && !optional {
			f(key, "", false)
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			eachValue(v.MapIndex(k), key+"."+k.String(), false, f)
		}
	}
}

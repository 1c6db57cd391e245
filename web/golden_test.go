package web

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// placeholders are the {names} the server fills in a text.
var placeholders = regexp.MustCompile(`\{[a-z_]+\}`)

// fixture returns a copy of v, a view model made from the content, with
// every text replaced by its own path ("Roles[1].Questions[0]", keeping
// any {placeholder}) and every non-empty list holding exactly two
// entries. A golden file made from it pins the layout of a format (order,
// headings, lists, fonts) and nothing an editor writes: rewording, adding
// an interview question or re-dating a section leaves it as it is. Fields
// named in keep stay as they are (addresses made by code, not words).
func fixture[T any](v T, keep ...string) T {
	out := reflect.New(reflect.TypeOf(v)).Elem()
	out.Set(reflect.ValueOf(v))
	fixtureValue(out, "", keep)
	return out.Interface().(T)
}

func fixtureValue(v reflect.Value, path string, keep []string) {
	switch v.Kind() {
	case reflect.String:
		name := path[strings.LastIndexAny(path, ".]")+1:]
		for _, k := range keep {
			if name == k {
				return
			}
		}
		text := strings.TrimPrefix(path, ".")
		if found := placeholders.FindAllString(v.String(), -1); len(found) > 0 {
			text += " " + strings.Join(found, " ")
		}
		v.SetString(text)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fixtureValue(v.Field(i), path+"."+v.Type().Field(i).Name, keep)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			return
		}
		two := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			two.Index(i).Set(v.Index(min(i, v.Len()-1)))
			fixtureValue(two.Index(i), fmt.Sprintf("%s[%d]", path, i), keep)
		}
		v.Set(two)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			fixtureValue(e, fmt.Sprintf("%s[%v]", path, k), keep)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		if !v.IsNil() {
			c := reflect.New(v.Type().Elem())
			c.Elem().Set(v.Elem())
			fixtureValue(c.Elem(), path, keep)
			v.Set(c)
		}
	}
}

func TestFixture(t *testing.T) {
	t.Parallel()
	type item struct{ Term, Link string }
	type view struct {
		Title string
		Items []item
		Notes []string
		None  []string
		ByKey map[string]string
		Next  *item
	}
	got := fixture(view{
		Title: "Hiring brief: {role}",
		Items: []item{{"Vision", "/guide/skills#a"}, {"Roadmap", "/b"}, {"More", "/c"}},
		Notes: []string{"one"},
		ByKey: map[string]string{"k": "value"},
		Next:  &item{"Next", "/d"},
	}, "Link")
	want := view{
		Title: "Title {role}",
		Items: []item{{"Items[0].Term", "/guide/skills#a"}, {"Items[1].Term", "/b"}},
		Notes: []string{"Notes[0]", "Notes[1]"},
		ByKey: map[string]string{"k": "ByKey[k]"},
		Next:  &item{"Next.Term", "/d"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fixture = %+v\nwant %+v", got, want)
	}
}

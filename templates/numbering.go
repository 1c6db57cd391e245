package templates

import (
	"strconv"

	"github.com/guide/pmvspm/content"
)

// numberOf says where a step stands in its sequence: "Part 3 of 8",
// "Question 1 of 4". n counts from 1.
func numberOf(noun string, n, total int) string {
	return noun + " " + strconv.Itoa(n) + " of " + strconv.Itoa(total)
}

// sectionIndex is the position of the section slug in the guide, from 0.
func sectionIndex(site *content.Site, slug string) int {
	for i, s := range site.Sections {
		if s.Slug == slug {
			return i
		}
	}
	return -1
}

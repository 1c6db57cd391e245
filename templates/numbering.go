package templates

import (
	"strconv"
	"strings"
)

// numberOf says where a step stands in its sequence, in words with {n}
// and {total} ("Part {n} of {total}": "Part 3 of 8"). n counts from 1.
func numberOf(words string, n, total int) string {
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(total)).Replace(words)
}

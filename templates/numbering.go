package templates

import "strconv"

// numberOf says where a step stands in its sequence: "Part 3 of 8",
// "Question 1 of 4". n counts from 1.
func numberOf(noun string, n, total int) string {
	return noun + " " + strconv.Itoa(n) + " of " + strconv.Itoa(total)
}

//go:build race

package browser

// raceDetector is true under go test -race, when the browser tests do not
// run (see runTests).
const raceDetector = true

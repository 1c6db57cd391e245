//go:build !race

package browser

// raceDetector is true under go test -race (see race_on_test.go).
const raceDetector = false

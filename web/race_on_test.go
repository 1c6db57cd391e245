//go:build race

package web

// raceDetector is true under go test -race, which changes what allocates:
// sync.Pool drops pooled objects at random.
const raceDetector = true

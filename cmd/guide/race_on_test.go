//go:build race

package main

// raceDetector is true under go test -race, which makes building a page
// many times slower.
const raceDetector = true

//go:build race

package main

// raceEnabled: TestLimits's inputs (up to 200 MB) are too big for the race
// detector's memory; .ci/run runs it without.
const raceEnabled = true

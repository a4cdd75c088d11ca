//go:build race

package syntax

// raceEnabled: the race detector slows parsing about tenfold; the mutant
// test then takes every other file (the run without it takes them all).
const raceEnabled = true

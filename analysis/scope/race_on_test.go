//go:build race

package scope

// raceEnabled: the race detector slows the mutant tests about tenfold;
// they then sample (the run without it checks every mutant).
const raceEnabled = true

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/check"
	"github.com/flake-lsp/flake-lsp/position"
)

// runCheck implements `flake-lsp check`: exit 0 without error-level
// diagnostics, 1 with any, 2 on usage or I/O errors.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json or sarif")
	minSev := fs.String("min-severity", "hint", "least severe level to report: error, warning, information or hint")
	opts := fs.Bool("options", true, "check the option settings of each flake's modules against its inputs' sources in the Nix store (renamed, removed, misspelt options)")
	indexCache := fs.String("index-cache", "", "directory the indexes of input sources are cached in (default: <user cache directory>/flake-lsp/index; - : none)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: flake-lsp check [--format text|json|sarif] [--min-severity LEVEL] [--options=false] [--index-cache DIR] PATH...\n"+
			"A PATH is a file (flake.nix, flake.lock or any .nix file) or a directory (every flake.nix and\n"+
			"flake.lock beneath it).\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	levels := map[string]analysis.Severity{"error": analysis.Error, "warning": analysis.Warning, "information": analysis.Information, "info": analysis.Information, "hint": analysis.Hint}
	threshold, ok := levels[*minSev]
	if !ok {
		fmt.Fprintf(stderr, "flake-lsp check: unknown --min-severity %q (error, warning, information, hint)\n", *minSev)
		return 2
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		fmt.Fprintf(stderr, "flake-lsp check: unknown --format %q (text, json, sarif)\n", *format)
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	files, err := check.CollectFiles(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "flake-lsp check: %v\n", err)
		return 2
	}
	var diags []analysis.Diagnostic
	texts := map[string][]byte{}
	status := 0
	for _, f := range files {
		d, err := check.File(f, texts)
		if err != nil {
			fmt.Fprintf(stderr, "flake-lsp check: %v\n", err)
			status = 2
			continue
		}
		diags = append(diags, d...)
	}
	if *opts {
		diags = append(diags, optionDiagnostics(files, texts, *indexCache)...)
	}
	kept := diags[:0]
	for _, d := range diags {
		if d.Severity <= threshold {
			kept = append(kept, d)
		}
	}
	diags = kept
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].File != diags[j].File {
			return diags[i].File < diags[j].File
		}
		return diags[i].Start < diags[j].Start
	})
	out := toOutput(diags, texts)
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 2
		}
	case "sarif":
		if err := writeSARIF(stdout, out); err != nil {
			return 2
		}
	default:
		for _, d := range out {
			fmt.Fprintf(stdout, "%s:%d:%d: %s: %s [%s]\n", d.Path, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Severity, d.Message, d.Code)
		}
	}
	for _, d := range diags {
		if d.Severity == analysis.Error && status == 0 {
			status = 1
		}
	}
	return status
}

// jsonDiagnostic is the LSP-shaped diagnostic `check --format json` prints.
type jsonDiagnostic struct {
	Path     string         `json:"path"`
	Range    position.Range `json:"range"`
	Severity string         `json:"severity"`
	Code     string         `json:"code"`
	Message  string         `json:"message"`
}

func toOutput(diags []analysis.Diagnostic, texts map[string][]byte) []jsonDiagnostic {
	mappers := map[string]*position.Mapper{}
	out := make([]jsonDiagnostic, 0, len(diags))
	for _, d := range diags {
		m := mappers[d.File]
		if m == nil {
			m = position.NewMapper(texts[d.File])
			mappers[d.File] = m
		}
		out = append(out, jsonDiagnostic{Path: d.File, Range: m.Range(d.Start, d.End, position.UTF16),
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
	}
	return out
}

// writeSARIF writes SARIF 2.1.0 for code-scanning services. SARIF lines
// and columns are 1-based; columns count UTF-16 code units here.
func writeSARIF(w io.Writer, diags []jsonDiagnostic) error {
	level := map[string]string{"error": "error", "warning": "warning", "information": "note", "hint": "note"}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	type result struct {
		RuleID    string         `json:"ruleId"`
		Level     string         `json:"level"`
		Message   map[string]any `json:"message"`
		Locations []any          `json:"locations"`
	}
	results := []result{}
	rules := map[string]bool{}
	for _, d := range diags {
		rules[d.Code] = true
		results = append(results, result{
			RuleID: d.Code, Level: level[d.Severity], Message: map[string]any{"text": d.Message},
			Locations: []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": map[string]any{"uri": filepath.ToSlash(d.Path)},
				"region":           region{d.Range.Start.Line + 1, d.Range.Start.Character + 1, d.Range.End.Line + 1, d.Range.End.Character + 1},
			}}},
		})
	}
	var ruleList []any
	var ids []string
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ruleList = append(ruleList, map[string]any{"id": id})
	}
	doc := map[string]any{
		"version": "2.1.0",
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "flake-lsp", "version": version, "rules": ruleList}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

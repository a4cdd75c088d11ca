package hover

import "github.com/flake-lsp/flake-lsp/analysis/env"

// indexed describes what the indexes of the inputs' sources know of the
// name at the offset: a lib function, a package, an option being set.
func (h *hoverer) indexed() (Result, bool) {
	ref, ok := env.At(h.u, h.off)
	if !ok {
		return Result{}, false
	}
	var md string
	switch ref.Kind {
	case env.RefLib:
		md = env.LibMarkdown(ref.Lib)
	case env.RefPackage:
		md = env.PackageMarkdown(ref.PkgRoot, ref.Package)
	case env.RefOption:
		md = env.OptionMarkdown(ref.Option, ref.Path)
		if file, _, _ := ref.File(); file != "" {
			md += "\n\nDeclared in `" + ref.Option.File + "`."
		}
	default:
		return Result{}, false
	}
	return Result{Markdown: md, Start: ref.Start, End: ref.End}, true
}

package options

// Description classes of option types, as the module system uses them to
// decide whether a nested type's description needs parentheses.
const (
	classNone        = ""
	classNoun        = "noun"
	classComposite   = "composite"
	classConjunction = "conjunction"
)

type typeInfo struct {
	desc, class string
}

// typeNames maps the names of lib.types (without the `types.` prefix) to the
// descriptions the NixOS manual prints for them.
var typeNames = map[string]typeInfo{
	"bool":                {"boolean", classNoun},
	"boolByOr":            {"boolean (merged using or)", classNoun},
	"int":                 {"signed integer", classNoun},
	"ints.unsigned":       {"unsigned integer, meaning >=0", classNoun},
	"ints.positive":       {"positive integer, meaning >0", classNoun},
	"ints.u8":             {"8 bit unsigned integer; between 0 and 255 (both inclusive)", classNoun},
	"ints.u16":            {"16 bit unsigned integer; between 0 and 65535 (both inclusive)", classNoun},
	"ints.u32":            {"32 bit unsigned integer; between 0 and 4294967295 (both inclusive)", classNoun},
	"ints.u64":            {"64 bit unsigned integer; between 0 and 18446744073709551615 (both inclusive)", classNoun},
	"ints.s8":             {"8 bit signed integer; between -128 and 127 (both inclusive)", classNoun},
	"ints.s16":            {"16 bit signed integer; between -32768 and 32767 (both inclusive)", classNoun},
	"ints.s32":            {"32 bit signed integer; between -2147483648 and 2147483647 (both inclusive)", classNoun},
	"port":                {"16 bit unsigned integer; between 0 and 65535 (both inclusive)", classNoun},
	"float":               {"floating point number", classNoun},
	"number":              {"signed integer or floating point number", classNoun},
	"numbers.nonnegative": {"integer or floating point number, meaning >=0", classNoun},
	"numbers.positive":    {"integer or floating point number, meaning >0", classNoun},
	"str":                 {"string", classNoun},
	"string":              {"string", classNoun},
	"nonEmptyStr":         {"non-empty string", classNoun},
	"singleLineStr":       {"(optionally newline-terminated) single-line string", classNoun},
	"lines":               {`strings concatenated with "\n"`, classNoun},
	"commas":              {`strings concatenated with ","`, classNoun},
	"envVar":              {`strings concatenated with ":"`, classNoun},
	"attrs":               {"attribute set", classNoun},
	"package":             {"package", classNoun},
	"shellPackage":        {"shell package", classNoun},
	"path":                {"path", classNoun},
	"pathInStore":         {"path in the Nix store", classNoun},
	"externalPath":        {"absolute path, not in the Nix store", classNoun},
	"anything":            {"anything", classNoun},
	"unspecified":         {"unspecified value", classNoun},
	"raw":                 {"raw value", classNoun},
	"pkgs":                {"Nixpkgs package set", classNoun},
	"deferredModule":      {"module", classNoun},
	"optionType":          {"option type", classNoun},
	"submodule":           {"submodule", classNone},
	"luaInline":           {"inline lua", classNoun},
	"fileset":             {"fileset", classNoun},
	"json":                {"JSON value", classNoun},
}

// leafTypes are the named types whose values have no attributes one could
// set below the option: with them a submodule alternative (either str
// (submodule ...)) still lists every attribute there is.
var leafTypes = map[string]bool{
	"bool": true, "boolByOr": true, "int": true, "ints.unsigned": true, "ints.positive": true,
	"ints.u8": true, "ints.u16": true, "ints.u32": true, "ints.u64": true, "ints.s8": true,
	"ints.s16": true, "ints.s32": true, "port": true, "float": true, "number": true,
	"numbers.nonnegative": true, "numbers.positive": true, "str": true, "string": true,
	"nonEmptyStr": true, "singleLineStr": true, "lines": true, "commas": true, "envVar": true,
	"path": true, "pathInStore": true, "externalPath": true,
}

// phrase is a nested type's description as a composite type shows it:
// parenthesized unless its class is one of ok.
func phrase(t typeInfo, ok ...string) string {
	for _, c := range ok {
		if t.class == c {
			return t.desc
		}
	}
	return "(" + t.desc + ")"
}

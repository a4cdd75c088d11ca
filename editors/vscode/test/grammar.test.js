// The TextMate grammar (syntaxes/nix.tmLanguage.json): valid JSON, every
// include resolves, every scope name ends in ".nix", every regular
// expression compiles (JavaScript's engine stands in for Oniguruma, whose
// extras the grammar would have to be excused for), and the patterns that
// decide the common cases match what Nix means on sample lines.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");

const FILE = path.resolve(__dirname, "../syntaxes/nix.tmLanguage.json");
const PKG = path.resolve(__dirname, "../package.json");

function load() {
  return JSON.parse(fs.readFileSync(FILE, "utf8"));
}

// Oniguruma syntax JavaScript lacks: a pattern using one is not compiled
// here (none does today).
const ONIGURUMA_ONLY = [/\\[GAzZhH]/, /\(\?>/, /\(\?~/, /\(\?[imx]+[):]/, /[*+?}]\+/, /\\p\{Alnum\}/];

// Every rule of the grammar, with where it is.
function rules(g) {
  const out = [];
  const visit = (rule, where) => {
    if (!rule || typeof rule !== "object") return;
    out.push({ rule, where });
    (rule.patterns || []).forEach((r, i) => visit(r, `${where}.patterns[${i}]`));
    for (const key of ["captures", "beginCaptures", "endCaptures", "whileCaptures"]) {
      for (const [n, r] of Object.entries(rule[key] || {})) visit(r, `${where}.${key}[${n}]`);
    }
  };
  (g.patterns || []).forEach((r, i) => visit(r, `patterns[${i}]`));
  for (const [name, r] of Object.entries(g.repository || {})) visit(r, `repository.${name}`);
  return out;
}

function compile(src) {
  return new RegExp(src, "d");
}

test("the grammar is valid: JSON, includes, scope names, regular expressions", () => {
  const g = load();
  assert.equal(g.scopeName, "source.nix");
  assert.ok(Array.isArray(g.patterns) && g.patterns.length > 0);
  let regexes = 0;
  for (const { rule, where } of rules(g)) {
    if (rule.include) {
      assert.ok(rule.include === "$self" || rule.include === "$base" || (rule.include.startsWith("#") && g.repository[rule.include.slice(1)]),
        `${where}: include ${rule.include} does not resolve`);
    }
    for (const key of ["name", "contentName"]) {
      if (rule[key]) assert.match(rule[key], /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.nix$/, `${where}: ${key} ${rule[key]}`);
    }
    if (rule.begin) assert.ok(rule.end || rule.while, `${where}: begin without end`);
    if (rule.match && rule.begin) assert.fail(`${where}: both match and begin`);
    for (const key of ["match", "begin", "end", "while"]) {
      if (typeof rule[key] !== "string") continue;
      const src = rule[key];
      if (ONIGURUMA_ONLY.some((re) => re.test(src))) continue;
      assert.doesNotThrow(() => compile(src), `${where}.${key}: ${src}`);
      regexes++;
    }
  }
  assert.ok(regexes > 30, `only ${regexes} regular expressions checked`);
});

// The first match of a rule's pattern on a line, with its groups.
function matchOn(g, name, line, key = "match", index = 0) {
  let rule = g.repository[name];
  if (rule.patterns && !rule[key]) rule = rule.patterns[index];
  const m = compile(rule[key]).exec(line);
  return m && { text: m[0], groups: m.slice(1), at: m.index };
}

test("the patterns match what Nix means", () => {
  const g = load();
  // Paths, search paths and URLs, but not `//` or division with spaces.
  assert.equal(matchOn(g, "path", "src = ./a/b.nix;").text, "./a/b.nix");
  assert.equal(matchOn(g, "path", "import ~/x.nix").text, "~/x.nix");
  assert.equal(matchOn(g, "path", "a // b"), null);
  assert.equal(matchOn(g, "path", "a / b"), null);
  assert.equal(matchOn(g, "search-path", "import <nixpkgs> { }").text, "<nixpkgs>");
  assert.equal(matchOn(g, "uri", "url = mirror://gnu/hello/x.tar.gz;").text, "mirror://gnu/hello/x.tar.gz");
  assert.equal(matchOn(g, "uri", "x: x"), null);
  // Numbers: not inside names.
  assert.equal(matchOn(g, "number", "x = 2.5e3;", "match", 0).text, "2.5e3");
  assert.equal(matchOn(g, "number", "pkg2 = 1;", "match", 1).text, "1");
  // Keywords: not inside names with dashes.
  assert.equal(matchOn(g, "keyword", "let-me = 1;", "match", 1), null);
  assert.equal(matchOn(g, "keyword", "  let x = 1; in x", "match", 1).text, "let");
  // Strings: escapes, and the end of an indented string.
  assert.equal(matchOn(g, "string", String.raw`"a\"b"`, "match", 0).text, String.raw`\"`);
  const ind = g.repository["indented-string"];
  assert.equal(compile(ind.end).exec("''${x}"), null, "''$ does not end an indented string");
  // In `'''` the escape starts first, so it wins over the end after it.
  assert.ok(compile(ind.patterns[0].match).exec("'''").index < compile(ind.end).exec("'''").index, "''' does not end an indented string");
  assert.equal(compile(ind.end).exec("  '';").index, 2);
  assert.equal(compile(ind.patterns[0].match).exec("a ''${b}")[0], "''$");
  // Names: functions, attributes, parameters, members, builtins.
  assert.deepEqual(matchOn(g, "function-binding", "  mkHost = name: { };").groups, ["mkHost", "="]);
  assert.deepEqual(matchOn(g, "function-binding", "  f = { a, b ? 1 }: a;").groups, ["f", "="]);
  assert.equal(matchOn(g, "function-binding", "  x = y;"), null);
  assert.equal(matchOn(g, "attribute-binding", "  inputs.nixpkgs.url = \"x\";").groups[0], "inputs");
  assert.equal(matchOn(g, "attribute-binding", "  a == b"), null);
  assert.equal(matchOn(g, "parameter", "outputs = inputs: {", "match", 0).groups[0], "inputs");
  assert.equal(matchOn(g, "parameter", "{ self, nixpkgs }:", "match", 3).groups.find(Boolean), "self");
  assert.equal(matchOn(g, "parameter", "  , nixpkgs }:", "match", 3).groups.find(Boolean), "nixpkgs");
  assert.equal(matchOn(g, "parameter", "{ a = 1; }", "match", 3), null);
  assert.equal(matchOn(g, "parameter", "    nixpkgs,", "match", 3).groups.find(Boolean), "nixpkgs");
  assert.deepEqual(matchOn(g, "builtin", "builtins.attrNames x", "match", 0).groups, ["builtins", ".", "attrNames"]);
  assert.equal(matchOn(g, "builtin", "import ./x.nix", "match", 2).text, "import");
  assert.equal(matchOn(g, "builtin", "important", "match", 2), null);
  assert.equal(matchOn(g, "member", "pkgs.hello").groups[1], "hello");
});

test("the extension contributes the grammar for nix, flake.lock as JSON, and scopes for the server's own token types", () => {
  const pkg = JSON.parse(fs.readFileSync(PKG, "utf8"));
  const c = pkg.contributes;
  const grammar = c.grammars.find((x) => x.language === "nix");
  assert.ok(grammar, "no grammar for nix");
  assert.equal(grammar.scopeName, "source.nix");
  assert.ok(fs.existsSync(path.resolve(__dirname, "..", grammar.path)), grammar.path);
  const json = c.languages.find((l) => l.id === "json");
  assert.ok(json && json.filenames.includes("flake.lock"), "flake.lock is not associated with json");
  const src = fs.readFileSync(path.resolve(__dirname, "../src/extension.ts"), "utf8");
  assert.match(src, /\{\s*scheme:\s*"file",\s*language:\s*"json",\s*pattern:\s*"\*\*\/flake\.lock"\s*\}/, "documentSelector lacks flake.lock as json");
  const types = c.semanticTokenTypes.map((t) => t.id);
  for (const t of ["escapeSequence", "interpolation", "path", "uri"]) {
    assert.ok(types.includes(t), `semantic token type ${t} not declared`);
  }
});

// External scanner for the flake-lsp Nix grammar: the bodies of strings
// and indented strings, whose escapes and `$` rules need more lookahead than
// a regular-expression token gives (`$${` is text, `''$` an escape, three
// quotes stand for two). Everything else is lexed by tree-sitter from
// grammar.js.
//
// The scanner keeps no state: everything it needs is in valid_symbols and
// the text, which keeps incremental reparsing exact.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  STRING_FRAGMENT,
  ESCAPE_SEQUENCE,
  INDENTED_STRING_FRAGMENT,
  INDENTED_ESCAPE_SEQUENCE,
  ERROR_SENTINEL,
};

static inline void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static inline bool finish(TSLexer *lexer, enum TokenType token) {
  lexer->result_symbol = token;
  return true;
}

// Body of a "double-quoted" string: text up to `"`, `\` or `${`; or one
// escape sequence `\X` (any X, a newline included).
static bool scan_string(TSLexer *lexer, const bool *valid) {
  if (lexer->lookahead == '\\') {
    if (!valid[ESCAPE_SEQUENCE]) return false;
    advance(lexer);
    if (!lexer->eof(lexer)) advance(lexer);
    lexer->mark_end(lexer);
    return finish(lexer, ESCAPE_SEQUENCE);
  }
  if (!valid[STRING_FRAGMENT]) return false;
  bool has_content = false;
  for (;;) {
    lexer->mark_end(lexer);
    if (lexer->eof(lexer)) break;
    int32_t c = lexer->lookahead;
    if (c == '"' || c == '\\') break;
    advance(lexer);
    if (c == '$') {
      if (lexer->lookahead == '{') break; // interpolation; end stays before '$'
      // Nix's lexer reads `$` with the character after it as one unit, so
      // `$${` is the text `$${`, not an interpolation.
      if (!lexer->eof(lexer) && lexer->lookahead != '"' && lexer->lookahead != '\\') {
        advance(lexer);
      }
    }
    has_content = true;
  }
  return has_content && finish(lexer, STRING_FRAGMENT);
}

// Body of an ''indented string'': text up to `''` or `${`; or one of the
// escapes `'''`, `''$` and `''\X`. A closing `''` is left to the grammar.
static bool scan_indented_string(TSLexer *lexer, const bool *valid) {
  bool has_content = false;
  for (;;) {
    lexer->mark_end(lexer);
    if (lexer->eof(lexer)) break;
    int32_t c = lexer->lookahead;
    if (c == '\'') {
      advance(lexer);
      if (lexer->lookahead != '\'') {
        has_content = true; // a lone quote is text
        continue;
      }
      if (has_content) break; // end the text before the two quotes
      advance(lexer);
      c = lexer->lookahead;
      if (c == '\'' || c == '$' || c == '\\') {
        if (!valid[INDENTED_ESCAPE_SEQUENCE]) return false;
        advance(lexer);
        if (c == '\\' && !lexer->eof(lexer)) advance(lexer);
        lexer->mark_end(lexer);
        return finish(lexer, INDENTED_ESCAPE_SEQUENCE);
      }
      return false; // the closing ''
    }
    advance(lexer);
    if (c == '$') {
      if (lexer->lookahead == '{') break;
      if (!lexer->eof(lexer) && lexer->lookahead != '\'') advance(lexer);
    }
    has_content = true;
  }
  return has_content && valid[INDENTED_STRING_FRAGMENT] &&
         finish(lexer, INDENTED_STRING_FRAGMENT);
}

void *tree_sitter_nix_external_scanner_create(void) { return NULL; }
void tree_sitter_nix_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_nix_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_nix_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

bool tree_sitter_nix_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid) {
  (void)payload;
  // While recovering from an error every token is "valid", so the parse
  // state says nothing about being inside a string: leave it to the
  // grammar's lexer.
  if (valid[ERROR_SENTINEL]) return false;
  if (valid[STRING_FRAGMENT] || valid[ESCAPE_SEQUENCE]) return scan_string(lexer, valid);
  if (valid[INDENTED_STRING_FRAGMENT] || valid[INDENTED_ESCAPE_SEQUENCE]) {
    return scan_indented_string(lexer, valid);
  }
  return false;
}

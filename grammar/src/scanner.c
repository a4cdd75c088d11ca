// External scanner for the flake-lsp Nix grammar.
//
// Nix's lexer is a flex scanner: at every position it takes the longest
// match over all of its rules, whatever the parser expects. Tree-sitter's
// own lexer only considers the tokens valid in the current parse state,
// which would make `a/b` an identifier or a division depending on context.
// So every word-like token (identifiers, keywords, numbers, paths, search
// paths, URIs) is lexed here with Nix's longest-match rule, and so are the
// bodies of strings and indented strings, whose escapes and `$` rules need
// more lookahead than a regular expression token gives.
//
// The scanner keeps no state: everything it needs is in valid_symbols and
// the text, which keeps incremental reparsing exact.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum TokenType {
  IDENTIFIER,
  INTEGER,
  FLOAT,
  PATH_START,
  PATH_FRAGMENT,
  PATH_INTERPOLATION_OPEN,
  SEARCH_PATH,
  URI,
  STRING_FRAGMENT,
  ESCAPE_SEQUENCE,
  INDENTED_STRING_FRAGMENT,
  INDENTED_ESCAPE_SEQUENCE,
  INVALID_TOKEN,
  ERROR_SENTINEL,
};

// Keywords are tokens of the grammar's own lexer: when the longest word
// here is exactly a keyword, the scanner declines and that lexer takes it.
// (Keeping keywords out of the external tokens keeps parse states' lexer
// modes alike, which lets incremental parsing reuse more of the old tree.)
static const char *const KEYWORDS[] = {
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
};

static inline bool is_alpha(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static inline bool is_alnum(int32_t c) { return is_alpha(c) || is_digit(c); }

// PATH_CHAR of Nix's lexer: [a-zA-Z0-9\.\_\-\+]
static inline bool is_path_char(int32_t c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '+';
}
static inline bool is_id_char(int32_t c) {
  return is_alnum(c) || c == '_' || c == '\'' || c == '-';
}
static inline bool is_scheme_char(int32_t c) {
  return is_alnum(c) || c == '+' || c == '-' || c == '.';
}
static inline bool is_uri_char(int32_t c) {
  if (is_alnum(c)) return true;
  switch (c) {
  case '%': case '/': case '?': case ':': case '@': case '&': case '=':
  case '+': case '$': case ',': case '-': case '_': case '.': case '!':
  case '~': case '*': case '\'':
    return true;
  default:
    return false;
  }
}

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

// The rest of a path after its first slash, or after an interpolation inside
// it. The lexer stands on a '/' (after_slash false) or just after one
// (after_slash true). Nix rejects a path that ends in a slash unless `${`
// follows it.
static bool scan_path_tail(TSLexer *lexer, enum TokenType token, bool in_segment) {
  bool after_slash = !in_segment;
  for (;;) {
    if (after_slash) {
      int32_t c = lexer->lookahead;
      if (is_path_char(c)) {
        advance(lexer);
        after_slash = false;
        continue;
      }
      lexer->mark_end(lexer);
      if (c == '$') {
        advance(lexer);
        if (lexer->lookahead == '{') return finish(lexer, token);
      }
      return finish(lexer, INVALID_TOKEN); // "path has a trailing slash"
    }
    int32_t c = lexer->lookahead;
    if (is_path_char(c)) {
      advance(lexer);
    } else if (c == '/') {
      advance(lexer);
      after_slash = true;
    } else {
      lexer->mark_end(lexer);
      return finish(lexer, token);
    }
  }
}

// A continuation of an interpolated path, right after `./a/` or `${...}`:
// `${` opens another interpolation, path characters are a fragment.
static bool scan_path_continuation(TSLexer *lexer, const bool *valid, bool *handled) {
  int32_t c = lexer->lookahead;
  *handled = true;
  if (c == '$' && valid[PATH_INTERPOLATION_OPEN]) {
    advance(lexer);
    if (lexer->lookahead != '{') return false;
    advance(lexer);
    lexer->mark_end(lexer);
    return finish(lexer, PATH_INTERPOLATION_OPEN);
  }
  if ((is_path_char(c) || c == '/') && valid[PATH_FRAGMENT]) {
    if (c == '/') {
      advance(lexer);
      return scan_path_tail(lexer, PATH_FRAGMENT, false);
    }
    while (is_path_char(lexer->lookahead)) advance(lexer);
    if (lexer->lookahead == '/') {
      advance(lexer);
      return scan_path_tail(lexer, PATH_FRAGMENT, false);
    }
    lexer->mark_end(lexer);
    return finish(lexer, PATH_FRAGMENT);
  }
  *handled = false;
  return false;
}

// `<nixpkgs/lib>`: '<' PATH_CHAR+ ('/' PATH_CHAR+)* '>'
static bool scan_search_path(TSLexer *lexer) {
  advance(lexer); // '<'
  for (;;) {
    if (!is_path_char(lexer->lookahead)) return false;
    while (is_path_char(lexer->lookahead)) advance(lexer);
    if (lexer->lookahead == '>') {
      advance(lexer);
      lexer->mark_end(lexer);
      return finish(lexer, SEARCH_PATH);
    }
    if (lexer->lookahead != '/') return false;
    advance(lexer);
  }
}

enum FloatState {
  F_DEAD,
  F_START,
  F_ZERO,      // "0"
  F_INT,       // [1-9][0-9]*
  F_DOT_NEED,  // "0." or "." : a digit must follow
  F_FRAC,      // accepting
  F_EXP_SIGN,  // after [eE]
  F_EXP_NEED,  // after [eE][+-]
  F_EXP,       // accepting
};

static enum FloatState float_step(enum FloatState s, int32_t c) {
  switch (s) {
  case F_START:
    if (c == '0') return F_ZERO;
    if (is_digit(c)) return F_INT;
    if (c == '.') return F_DOT_NEED;
    return F_DEAD;
  case F_ZERO:
    return c == '.' ? F_DOT_NEED : F_DEAD;
  case F_INT:
    if (is_digit(c)) return F_INT;
    return c == '.' ? F_FRAC : F_DEAD; // "1." is a float
  case F_DOT_NEED:
    return is_digit(c) ? F_FRAC : F_DEAD;
  case F_FRAC:
    if (is_digit(c)) return F_FRAC;
    return (c == 'e' || c == 'E') ? F_EXP_SIGN : F_DEAD;
  case F_EXP_SIGN:
    if (c == '+' || c == '-') return F_EXP_NEED;
    return is_digit(c) ? F_EXP : F_DEAD;
  case F_EXP_NEED:
  case F_EXP:
    return is_digit(c) ? F_EXP : F_DEAD;
  default:
    return F_DEAD;
  }
}

// Identifiers, keywords, integers, floats, paths and URIs: they share their
// first characters, so all candidates run side by side over the text and
// the longest match wins (ties go to the rule Nix's lexer lists first).
static bool scan_word(TSLexer *lexer) {
  int32_t c = lexer->lookahead;

  if (c == '<') return scan_search_path(lexer);
  if (c == '~') {
    advance(lexer);
    if (lexer->lookahead != '/') return false;
    advance(lexer);
    return scan_path_tail(lexer, PATH_START, false);
  }
  if (!is_path_char(c) && c != '/') return false;

  bool id = is_alpha(c) || c == '_';
  bool integer = is_digit(c);
  uint64_t value = 0;     // the integer so far, to reject what overflows int64
  bool overflow = false;
  enum FloatState flt = F_START;
  bool path = true;          // still in the PATH_CHAR* prefix
  bool scheme = is_alpha(c); // still in a URI scheme
  char word[8];
  unsigned length = 0;
  bool found = false;
  enum TokenType best = IDENTIFIER;

  for (;;) {
    c = lexer->lookahead;
    if (length > 0) {
      // Record the longest accepting candidate so far.
      enum TokenType accept = INVALID_TOKEN;
      if (id) accept = IDENTIFIER;
      else if (integer) accept = INTEGER;
      else if (flt == F_FRAC || flt == F_EXP) accept = FLOAT;
      if (accept != INVALID_TOKEN) {
        lexer->mark_end(lexer);
        best = accept;
        found = true;
      }
    }
    if (c == '/' && path) {
      advance(lexer);
      if (is_path_char(lexer->lookahead) || lexer->lookahead == '$') {
        // `a/b...` or `a/${`: a path. With a group after the slash or an
        // interpolation it is longer than any other candidate.
        if (lexer->lookahead == '$') {
          lexer->mark_end(lexer);
          advance(lexer);
          if (lexer->lookahead == '{') return finish(lexer, PATH_START);
          return finish(lexer, INVALID_TOKEN);
        }
        return scan_path_tail(lexer, PATH_START, false);
      }
      break; // `a/` then something else: not a path; `/` is division
    }
    if (c == ':' && scheme && length > 0) {
      advance(lexer);
      if (!is_uri_char(lexer->lookahead)) break;
      while (is_uri_char(lexer->lookahead)) advance(lexer);
      lexer->mark_end(lexer);
      return finish(lexer, URI);
    }
    bool pc = is_path_char(c);
    bool ic = id && is_id_char(c);
    if (!pc && !ic) break;
    if (!pc) path = false;
    if (!ic) id = false;
    if (!is_digit(c)) {
      integer = false;
    } else if (integer) {
      uint64_t digit = (uint64_t)(c - '0');
      if (value > (UINT64_C(9223372036854775807) - digit) / 10) overflow = true;
      value = value * 10 + digit;
    }
    if (!is_scheme_char(c)) scheme = false;
    flt = float_step(flt, c);
    if (id && length < sizeof(word)) word[length] = (char)c;
    length++;
    advance(lexer);
    if (!id && !integer && flt == F_DEAD && !path && !scheme) break;
  }

  if (!found) return false;
  // Nix's lexer rejects an integer that does not fit in 64 bits.
  if (best == INTEGER && overflow) return finish(lexer, INVALID_TOKEN);
  if (best == IDENTIFIER && length <= sizeof(word)) {
    for (unsigned i = 0; i < sizeof(KEYWORDS) / sizeof(KEYWORDS[0]); i++) {
      if (strlen(KEYWORDS[i]) == length && memcmp(KEYWORDS[i], word, length) == 0) return false;
    }
  }
  return finish(lexer, best);
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
  if (!valid[ERROR_SENTINEL]) {
    if (valid[STRING_FRAGMENT] || valid[ESCAPE_SEQUENCE]) return scan_string(lexer, valid);
    if (valid[INDENTED_STRING_FRAGMENT] || valid[INDENTED_ESCAPE_SEQUENCE]) {
      return scan_indented_string(lexer, valid);
    }
    if (valid[PATH_FRAGMENT] || valid[PATH_INTERPOLATION_OPEN]) {
      bool handled;
      bool result = scan_path_continuation(lexer, valid, &handled);
      if (handled) return result;
    }
  }
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t' || lexer->lookahead == '\r' ||
         lexer->lookahead == '\n') {
    lexer->advance(lexer, true);
  }
  return scan_word(lexer);
}

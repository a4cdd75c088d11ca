// Tree-sitter grammar for the Nix expression language, written for flake-lsp.
//
// The grammar mirrors the structure of Nix's own LALR grammar (expr_function,
// expr_if, expr_op, expr_app, expr_select, expr_simple) so that it accepts
// exactly what Nix accepts. Nix's flex lexer takes the longest match at
// every position whatever the parser expects (`a/b` is a path, `x:x` a URI,
// `a.5` an application); tree-sitter's lexer takes the longest match among
// the tokens valid in the parse state. The two agree because the tokens that
// compete (identifiers, numbers, paths, URIs) are valid together wherever an
// expression may start or continue, and the few places where Nix's lexer
// would produce a token the grammar rejects are given that token as an
// invalid alternative (`invalid_attribute`). Three lexical errors are left
// to package syntax, which reports them from the tree: keywords read as
// identifiers, integers that overflow 64 bits and paths ending in '/'.
// The external scanner lexes only the bodies of strings.
//
// Operator precedence, lowest first (Nix manual numbering in brackets):
//   |>  <|      pipes, left / right, not mixed [15] (Nix >= 2.24, experimental)
//   ->          right                          [14]
//   ||          left                           [13]
//   &&          left                           [12]
//   == !=       non-associative                [11]
//   < <= > >=   non-associative                [10]
//   //          right                          [9]
//   !           prefix                         [8]
//   + -         left                           [7]
//   * /         left                           [6]
//   ++          right                          [5]
//   ?           has-attribute                  [4]
//   -           prefix negation                [3]
//   application left                           [2]
//   .           selection, with `or` default   [1]
// The non-associative levels are expressed by stratified rules (their
// operands come from the level above), the others by precedences, as Nix's
// parser does.

// PATH_CHAR* of Nix's lexer.
const PATH_CHARS = /[a-zA-Z0-9._+\-]*/;

const PREC = {
  impl: 3,
  or: 4,
  and: 5,
  update: 8,
  not: 9,
  add: 10,
  mul: 11,
  concat: 12,
  has_attr: 13,
  negate: 14,
};

module.exports = grammar({
  name: 'nix',

  externals: $ => [
    $.string_fragment,
    $.escape_sequence,
    $._indented_string_fragment,
    $._indented_escape_sequence,
    // Never used by a rule: valid only while tree-sitter recovers from an
    // error, which tells the scanner not to trust the parse state.
    $._error_sentinel,
  ],

  // No `word:` rule (keyword extraction). With one, the runtime reuses a
  // subtree whose first token is an identifier only in the very parse state
  // that token was lexed in; the first token of a binding is lexed before
  // the previous binding is reduced, so no binding was ever reused whole and
  // an edit re-parsed every later binding of its set down to the values
  // (a one-character edit in a 650 KB package set: 22-33 ms to reparse,
  // 10-13 ms without). Keywords are plain string tokens instead: where one
  // is valid it wins over an identifier of the same length; where it is not,
  // the word is read as an identifier, as keyword extraction did, and
  // package syntax reports it. `identifier` is the first rule after
  // source_file so that it is token 1: error recovery tries missing tokens
  // in symbol order, and a missing identifier is what it should insert.
  extras: $ => [/[ \t\r\n]/, $.comment],



  inline: $ => [$._binding_item, $._attr, $._expression, $._expr_logic, $._expr_high, $._expr_if, $._expr_eq, $._expr_cmp, $._expr_app, $._expr_select, $._expr_simple],

  conflicts: $ => [],

  rules: {
    source_file: $ => field('expression', $._expression),

    identifier: _ => /[a-zA-Z_][a-zA-Z0-9_'\-]*/,

    _expression: $ => choice(
      $.lambda,
      $.assert,
      $.with,
      $.let,
      $._expr_if,
    ),

    // --- functions -------------------------------------------------------
    lambda: $ => choice(
      seq(field('parameter', $.identifier), ':', field('body', $._expression)),
      seq(field('formals', $.formals), ':', field('body', $._expression)),
      seq(field('formals', $.formals), '@', field('parameter', $._at_name), ':', field('body', $._expression)),
      seq(field('parameter', $.identifier), '@', field('formals', $.formals), ':', field('body', $._expression)),
    ),

    // Nix's lexer reads `{ }@a:b` as `{ }@` and the URI `a:b`, an error.
    _at_name: $ => choice($.identifier, alias($.uri, $.invalid_parameter)),

    formals: $ => seq(
      '{',
      optional(choice(
        seq(
          commaSep1($.formal),
          optional(seq(',', optional($.ellipsis))),
        ),
        $.ellipsis,
      )),
      '}',
    ),

    formal: $ => seq(
      field('name', $.identifier),
      optional(seq('?', field('default', $._expression))),
    ),

    ellipsis: _ => '...',

    assert: $ => seq('assert', field('condition', $._expression), ';', field('body', $._expression)),

    with: $ => seq('with', field('environment', $._expression), ';', field('body', $._expression)),

    let: $ => seq('let', optional($._bindings), 'in', field('body', $._expression)),

    _expr_if: $ => choice($.if, $._expr_op),

    if: $ => seq(
      'if', field('condition', $._expression),
      'then', field('consequence', $._expression),
      'else', field('alternative', $._expression),
    ),

    // --- operators -------------------------------------------------------
    // The pipes share the lowest level; `a |> f <| b` needs parentheses.
    _expr_op: $ => choice(
      alias($.pipe_into, $.binary),
      alias($.pipe_from, $.binary),
      $._expr_logic,
    ),

    pipe_into: $ => seq(
      field('left', choice(alias($.pipe_into, $.binary), $._expr_logic)),
      field('operator', '|>'),
      field('right', $._expr_logic),
    ),

    pipe_from: $ => seq(
      field('left', $._expr_logic),
      field('operator', '<|'),
      field('right', choice(alias($.pipe_from, $.binary), $._expr_logic)),
    ),

    _expr_logic: $ => choice(
      alias($.binary_logic, $.binary),
      $._expr_eq,
    ),

    binary_logic: $ => choice(
      binaryOp(prec.right, PREC.impl, '->', $._expr_logic, $._expr_logic),
      binaryOp(prec.left, PREC.or, '||', $._expr_logic, $._expr_logic),
      binaryOp(prec.left, PREC.and, '&&', $._expr_logic, $._expr_logic),
    ),

    _expr_eq: $ => choice(alias($.binary_eq, $.binary), $._expr_cmp),

    binary_eq: $ => seq(
      field('left', $._expr_cmp),
      field('operator', choice('==', '!=')),
      field('right', $._expr_cmp),
    ),

    _expr_cmp: $ => choice(alias($.binary_cmp, $.binary), $._expr_high),

    binary_cmp: $ => seq(
      field('left', $._expr_high),
      field('operator', choice('<', '<=', '>', '>=')),
      field('right', $._expr_high),
    ),

    _expr_high: $ => choice(
      alias($.binary_high, $.binary),
      $.unary,
      $.has_attr,
      $._expr_app,
    ),

    binary_high: $ => choice(
      binaryOp(prec.right, PREC.update, '//', $._expr_high, $._expr_high),
      binaryOp(prec.left, PREC.add, choice('+', '-'), $._expr_high, $._expr_high),
      binaryOp(prec.left, PREC.mul, choice('*', '/'), $._expr_high, $._expr_high),
      binaryOp(prec.right, PREC.concat, '++', $._expr_high, $._expr_high),
    ),

    unary: $ => choice(
      prec(PREC.not, seq(field('operator', '!'), field('operand', $._expr_high))),
      prec(PREC.negate, seq(field('operator', '-'), field('operand', $._expr_high))),
    ),

    has_attr: $ => prec(PREC.has_attr, seq(
      field('expression', $._expr_high),
      '?',
      field('attrpath', $.attrpath),
    )),

    // --- application and selection ----------------------------------------
    _expr_app: $ => choice($.apply, $._expr_select),

    apply: $ => choice(
      seq(field('function', $._expr_app), field('argument', $._expr_select)),
    ),

    _expr_select: $ => choice(
      $.select,
      // Nix keeps `f or` meaning `f` applied to a variable named `or`, for
      // an old nixpkgs function of that name.
      alias($.apply_or, $.apply),
      $._expr_simple,
    ),

    apply_or: $ => seq(
      field('function', $._expr_simple),
      field('argument', alias('or', $.identifier)),
    ),

    select: $ => seq(
      field('expression', $._expr_simple),
      '.',
      field('attrpath', $.attrpath),
      optional(seq('or', field('default', $._expr_select))),
    ),

    attrpath: $ => seq($._attr, repeat(seq('.', $._attr))),

    _attr: $ => choice(
      alias($.identifier, $.attribute),
      alias('or', $.attribute),
      $.string,
      $.interpolation,
      // Nix's lexer reads `x.a/b` as `x.` followed by the path `a/b`, which
      // is an error; accepting the path here (and reporting it, see
      // package syntax) keeps our lexer reading the same tokens.
      alias($._path_token, $.invalid_attribute),
    ),

    // --- simple expressions ---------------------------------------------
    _expr_simple: $ => choice(
      $.identifier,
      $.integer,
      $.float,
      $.string,
      $.indented_string,
      $.path,
      $.search_path,
      $.uri,
      $.parenthesized,
      $.attrset,
      $.rec_attrset,
      $.legacy_let,
      $.list,
    ),

    parenthesized: $ => seq('(', field('expression', $._expression), ')'),

    list: $ => seq('[', optional($._elements), ']'),

    // Left-recursive for the reason given at _bindings.
    _elements: $ => choice(field('element', $._expr_select), seq($._elements, field('element', $._expr_select))),

    attrset: $ => seq('{', optional($._bindings), '}'),

    rec_attrset: $ => seq('rec', '{', optional($._bindings), '}'),

    // `let { ...; body = e; }`, deprecated but still accepted by Nix.
    legacy_let: $ => seq('let', '{', optional($._bindings), '}'),

    // Bindings as a left-recursive list, not `repeat`: tree-sitter marks
    // every node of a repetition fragile (its reduction shares a table entry
    // with the repetition's shift), so after an edit a set of thousands of
    // bindings was rebuilt binding by binding. A left-recursive list has one
    // action per entry: the list up to the edited binding is reused whole,
    // and only the bindings after it are shifted again.
    _bindings: $ => choice($._binding_item, seq($._bindings, $._binding_item)),

    _binding_item: $ => choice($.binding, $.inherit),

    binding: $ => seq(
      field('attrpath', $.attrpath),
      '=',
      field('value', $._expression),
      ';',
    ),

    inherit: $ => seq(
      'inherit',
      optional(seq('(', field('source', $._expression), ')')),
      repeat(field('attribute', $._attr)),
      ';',
    ),

    // --- strings and paths --------------------------------------------------
    string: $ => seq(
      '"',
      repeat(choice($.string_fragment, $.escape_sequence, $.interpolation)),
      '"',
    ),

    indented_string: $ => seq(
      "''",
      repeat(choice(
        alias($._indented_string_fragment, $.string_fragment),
        alias($._indented_escape_sequence, $.escape_sequence),
        $.interpolation,
      )),
      "''",
    ),

    interpolation: $ => seq('${', field('expression', $._expression), '}'),

    // A path is one token unless it is interpolated. Interpolated paths
    // are `./a/${`, an expression, `}`, then more `${ ... }` or text, with
    // no space anywhere: the pieces of text (including the `${` and `}`)
    // are hidden tokens, the interpolated expressions the named children.
    // A path that ends in '/' is reported by package syntax, as Nix rejects
    // it ("path has a trailing slash").
    path: $ => choice(
      $._path_token,
      seq(
        $._path_interpolation_start,
        field('expression', $._expression),
        $._path_interpolation_end,
        repeat(seq(
          $._path_interpolation_continue,
          field('expression', $._expression),
          $._path_interpolation_end,
        )),
        optional($._path_fragment),
      ),
    ),

    _path_token: _ => token(choice(
      seq(PATH_CHARS, /(\/[a-zA-Z0-9._+\-]+)+\/?/),
      /~(\/[a-zA-Z0-9._+\-]+)+\/?/,
    )),

    _path_interpolation_start: _ => token(choice(
      seq(PATH_CHARS, /(\/[a-zA-Z0-9._+\-]+)+\/?\$\{/),
      seq(PATH_CHARS, /\/\$\{/),
      /~(\/[a-zA-Z0-9._+\-]+)+\/?\$\{/,
      /~\/\$\{/,
    )),

    _path_interpolation_end: _ => '}',

    _path_interpolation_continue: _ => token.immediate(prec(1,
      /([a-zA-Z0-9._+\-]*(\/[a-zA-Z0-9._+\-]+)*\/?)?\$\{/,
    )),

    // After an interpolation; the one- and two-slash forms are there so
    // that `${x}/ ` and `${x}//` read as paths ending in '/' (errors in
    // Nix) rather than as division or update.
    _path_fragment: _ => token.immediate(prec(1, choice(
      /[a-zA-Z0-9._+\-]+(\/[a-zA-Z0-9._+\-]+)*\/?/,
      /(\/[a-zA-Z0-9._+\-]+)+\/?/,
      '/',
      '//',
    ))),

    integer: _ => /[0-9]+/,

    float: _ => /(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?/,

    search_path: _ => /<[a-zA-Z0-9._+\-]+(\/[a-zA-Z0-9._+\-]+)*>/,

    uri: _ => /[a-zA-Z][a-zA-Z0-9+\-.]*:[a-zA-Z0-9%\/?:@&=+$,\-_.!~*']+/,

    comment: _ => token(choice(
      seq('#', /[^\r\n]*/),
      seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/'),
    )),
  },
});

function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

function binaryOp(assoc, precedence, operator, left, right) {
  return assoc(precedence, seq(
    field('left', left),
    field('operator', operator),
    field('right', right),
  ));
}

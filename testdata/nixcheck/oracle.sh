#!/bin/sh
# Re-run the Nix oracle on flake cases and rewrite their expected.json.
#
#   testdata/nixcheck/oracle.sh            # every case
#   testdata/nixcheck/oracle.sh case1 ...  # only these cases
#
# Each case is copied (minus expected.json and nix-args) into a fresh
# directory under /tmp, outside any git work tree, so Nix treats it as a
# path: flake. Then, from inside that copy, it runs
#   nix flake metadata DIR [ARGS]   and then   nix flake check --no-build DIR [ARGS]
# in the same copy (so check sees the flake.lock that metadata wrote), where
# ARGS is the content of the optional nix-args file of the case. The copy is
# deleted afterwards: no flake.lock is ever written into the repository.
#
# A case with a git-subflake file is a Git repository instead: the copy is
# made a repository (git init, everything added and committed) and Nix
# runs on the flake in the subdirectory the file names ("." for the root),
# which it then fetches as git+file with ?dir=. Then the case's flake.nix
# is the repository's root flake and <sub>/flake.nix the flake under test.
# With a git-uncommitted file as well, the files are only added, not
# committed (a dirty tree, as while one edits).
# The hand-written "flaw" and "newer_nix" fields of an existing
# expected.json are kept; everything else is Nix's output. Needs nix and jq.
# Cases run one at a time (little CPU).
set -u
here=$(cd "$(dirname "$0")" && pwd)
F="--extra-experimental-features nix-command --extra-experimental-features flakes"
ver=$(nix --version | awk '{print $NF}')
if [ $# -gt 0 ]; then cases="$*"; else
  cases=$(cd "$here" && for d in */; do [ -f "$d/flake.nix" ] && echo "${d%/}"; done)
fi

# Strip colours; replace the temporary directory and store hashes with
# stable placeholders; drop the warning about a missing nixbld group, which
# says how Nix is installed here, not anything about the flake.
norm() {
  sed -e 's/\x1b\[[0-9;]*m//g' \
      -e "s|$1|<flake>|g" \
      -e 's|/nix/store/[0-9a-z]\{32\}-|/nix/store/<hash>-|g' \
      -e 's|lastModified=[0-9]\{9,\}|lastModified=<time>|g' \
      -e "/^warning: the group 'nixbld' specified in 'build-users-group' does not exist/d"
}

for c in $cases; do
  src="$here/$c"
  [ -f "$src/flake.nix" ] || { echo "skip $c: no flake.nix" >&2; continue; }
  tmp=$(mktemp -d /tmp/nixcheck.XXXXXX)
  (cd "$src" && tar cf - --exclude=./expected.json --exclude=./nix-args --exclude=./git-subflake --exclude=./git-uncommitted .) | (cd "$tmp" && tar xf -)
  # fixed mtimes, so lastModified and the dates Nix prints do not vary
  find "$tmp" -exec touch -h -d @946684800 {} +
  args=""
  [ -f "$src/nix-args" ] && args=$(cat "$src/nix-args")
  target="$tmp"
  if [ -f "$src/git-subflake" ]; then
    target="$tmp/$(cat "$src/git-subflake")"
    (cd "$tmp" && git init -q . && git add -A) >/dev/null
    [ -f "$src/git-uncommitted" ] || (cd "$tmp" &&
      GIT_AUTHOR_DATE=@946684800 GIT_COMMITTER_DATE=@946684800 \
      git -c user.name=nixcheck -c user.email=nixcheck commit -qm case) >/dev/null
  fi
  # shellcheck disable=SC2086
  (cd "$tmp" && nix $F --offline flake metadata "$target" $args >/dev/null 2>"$tmp.m"); m=$?
  # shellcheck disable=SC2086
  (cd "$tmp" && nix $F --offline flake check --no-build "$target" $args >/dev/null 2>"$tmp.c"); k=$?
  norm "$tmp" <"$tmp.m" >"$tmp.m2"
  norm "$tmp" <"$tmp.c" >"$tmp.c2"
  flaw="" newer=""
  if [ -f "$src/expected.json" ]; then
    flaw=$(jq -r '.flaw // ""' "$src/expected.json")
    newer=$(jq -r '.newer_nix // ""' "$src/expected.json")
  fi
  jq -n --arg flaw "$flaw" --arg newer "$newer" --arg ver "$ver" \
     --argjson m "$m" --argjson k "$k" \
     --rawfile ms "$tmp.m2" --rawfile ks "$tmp.c2" '
    # the first "error:" line; for a crash (no such line) the first non-empty line
    def first_error: [splits("\n")] as $l
      | ([$l[] | select(startswith("error:"))] + [$l[] | select(. != "")]) | (.[0] // "");
    def warnings: [splits("\n") | select(startswith("warning:"))];
    {
      metadata: {exit: $m, message: (if $m == 0 then "" else ($ms | first_error) end),
                 warnings: ($ms | warnings), stderr: $ms},
      check: {exit: $k, message: (if $k == 0 then "" else ($ks | first_error) end),
              warnings: ($ks | warnings), stderr: $ks},
      flaw: $flaw,
      nix_version: $ver
    } + (if $newer == "" then {} else {newer_nix: $newer} end)' >"$src/expected.json"
  printf '%-40s metadata=%s check=%s %s\n' "$c" "$m" "$k" \
    "$(jq -r '[.metadata.message, .check.message] + .check.warnings | map(select(. != "")) | join(" | ")' "$src/expected.json")"
  rm -rf "$tmp" "$tmp.m" "$tmp.c" "$tmp.m2" "$tmp.c2"
done

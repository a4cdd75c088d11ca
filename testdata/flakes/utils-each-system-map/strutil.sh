#!/usr/bin/env bash
set -euo pipefail
case "${1:-}" in
  upper) tr a-z A-Z ;;
  *) cat ;;
esac

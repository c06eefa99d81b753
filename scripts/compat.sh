#!/usr/bin/env bash
# Checks that the app and the panel use only @grafana/* APIs that the oldest Grafana we claim
# (grafanaDependency ">=12.3.0") provides, the way create-plugin's CI does it: with levitate.
set -euo pipefail
cd "$(dirname "$0")/.."

target='@grafana/data@12.3.0,@grafana/ui@12.3.0,@grafana/runtime@12.3.0'
modules=(src/module.tsx src/panels/slo/module.ts)
incompatible=()

for module in "${modules[@]}"; do
  echo "== levitate is-compatible --path $module --target $target"
  if ! npx --no-install levitate is-compatible --path "$module" --target "$target"; then
    incompatible+=("$module")
  fi
done

if ((${#incompatible[@]})); then
  echo "Not compatible with $target: ${incompatible[*]}" >&2
  exit 1
fi
echo "Compatible with $target: ${modules[*]}"

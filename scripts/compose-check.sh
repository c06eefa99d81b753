#!/usr/bin/env bash
# Validates docker-compose.yaml (and the .config base it extends) without a Docker engine:
# Docker's compose plugin when the client has it, else Debian's docker-compose.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  docker compose config --quiet
elif command -v docker-compose >/dev/null; then
  docker-compose config --quiet
else
  echo "compose-check: neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)" >&2
  exit 1
fi
echo "docker-compose.yaml is valid"

#!/bin/sh
# azd preprovision hook: make sure the azd environment holds the two keys the app needs before main.parameters.json
# passes them to Bicep — the key that signs one-click links and the key of the privacy hashes (unsubscribed
# addresses, erased external ids) — each base64 of 32 random bytes. Kept once set: provisioning again must never
# invalidate links already in people's inboxes or forget who unsubscribed. On a machine that has the environment but
# not the keys (a fresh clone), each is read back from the Key Vault it was stored in.
set -eu

ensure_key() {
  variable="$1"
  secret="$2"
  eval "current=\${$variable:-}"
  if [ -n "$current" ]; then
    return 0
  fi

  key=""
  if [ -n "${AZURE_KEY_VAULT_NAME:-}" ] && command -v az >/dev/null 2>&1; then
    key="$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret" --query value -o tsv 2>/dev/null || true)"
  fi

  if [ -z "$key" ]; then
    key="$(openssl rand -base64 32)"
  fi

  azd env set "$variable" "$key"
}

ensure_key RETENTION_LINK_SIGNING_KEY link-signing-key
ensure_key RETENTION_PRIVACY_HASH_KEY privacy-hash-key

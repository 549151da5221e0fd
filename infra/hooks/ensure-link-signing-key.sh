#!/bin/sh
# azd preprovision hook: make sure the azd environment holds the key that signs one-click links (base64 of 32 random
# bytes, what Retention.Core's ActionTokenSigner expects) before main.parameters.json passes it to Bicep.
# Kept once set, so provisioning again never invalidates links already in people's inboxes. On a machine that has
# the environment but not the key (a fresh clone), it is read back from the Key Vault it was stored in.
set -eu

if [ -n "${RETENTION_LINK_SIGNING_KEY:-}" ]; then
  exit 0
fi

key=""
if [ -n "${AZURE_KEY_VAULT_NAME:-}" ] && command -v az >/dev/null 2>&1; then
  key="$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name link-signing-key --query value -o tsv 2>/dev/null || true)"
fi

if [ -z "$key" ]; then
  key="$(openssl rand -base64 32)"
fi

azd env set RETENTION_LINK_SIGNING_KEY "$key"

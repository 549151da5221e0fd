# azd preprovision hook (Windows): see ensure-secret-keys.sh. Keeps each key once set (the link-signing key and the
# privacy-hash key), reads it back from Key Vault on a fresh clone, otherwise generates base64 of 32 random bytes.
$ErrorActionPreference = 'Stop'

function Ensure-Key([string] $Variable, [string] $Secret) {
    if ([Environment]::GetEnvironmentVariable($Variable)) {
        return
    }

    $key = ''
    if ($env:AZURE_KEY_VAULT_NAME -and (Get-Command az -ErrorAction SilentlyContinue)) {
        $key = az keyvault secret show --vault-name $env:AZURE_KEY_VAULT_NAME --name $Secret --query value -o tsv 2>$null
        if ($LASTEXITCODE -ne 0) { $key = '' }
    }

    if (-not $key) {
        $key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    }

    azd env set $Variable $key
}

Ensure-Key 'RETENTION_LINK_SIGNING_KEY' 'link-signing-key'
Ensure-Key 'RETENTION_PRIVACY_HASH_KEY' 'privacy-hash-key'

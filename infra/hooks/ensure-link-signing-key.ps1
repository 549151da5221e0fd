# azd preprovision hook (Windows): see ensure-link-signing-key.sh. Keeps the link-signing key once set, reads it
# back from Key Vault on a fresh clone, otherwise generates base64 of 32 random bytes.
$ErrorActionPreference = 'Stop'

if ($env:RETENTION_LINK_SIGNING_KEY) {
    exit 0
}

$key = ''
if ($env:AZURE_KEY_VAULT_NAME -and (Get-Command az -ErrorAction SilentlyContinue)) {
    $key = az keyvault secret show --vault-name $env:AZURE_KEY_VAULT_NAME --name link-signing-key --query value -o tsv 2>$null
    if ($LASTEXITCODE -ne 0) { $key = '' }
}

if (-not $key) {
    $key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
}

azd env set RETENTION_LINK_SIGNING_KEY $key

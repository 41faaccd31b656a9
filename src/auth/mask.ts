// The runner's mask command, written straight to stdout: the auth code runs before
// @actions/core is loaded (start-up), and a token must be masked before anything could print it.

/** What core.setSecret does: `::add-mask::VALUE`, escaped as the runner reads it. */
export function maskSecret(secret: string): void {
  if (!secret) return;
  const escaped = secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::add-mask::${escaped}\n`);
}

import type { ServerConnection } from '../../../shared/contract';

/**
 * The postgres:// address of a connection the user filled in, as the pool reads it. TLS modes in
 * node-postgres' words: `no-verify` encrypts without checking the certificate; `verify-full`
 * checks it and the host name (against the office's authority file when one is given).
 */
export function serverUrlOf(c: ServerConnection): string {
  const host = c.host.includes(':') && !c.host.startsWith('[') ? `[${c.host}]` : c.host;
  const url = new URL(`postgres://${host}:${c.port}/${c.database}`);
  url.username = c.user;
  url.password = c.password;
  if (c.tls === 'off') url.searchParams.set('sslmode', 'disable');
  if (c.tls === 'require') url.searchParams.set('sslmode', 'no-verify');
  if (c.tls === 'verify') {
    url.searchParams.set('sslmode', 'verify-full');
    if (c.caFile) url.searchParams.set('sslrootcert', c.caFile);
  }
  return url.toString();
}

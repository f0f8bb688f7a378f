import { errorTextEn, type ErrorCode } from '../../../shared/contract';

type ServerProblem = Extract<ErrorCode, `server.${string}`>;

/**
 * Why a server book cannot be opened, as an error code the screens and the CLI word in the
 * user's language (errors.json → server.*), with the facts the words need. Nothing was written.
 */
export class ServerBookError extends Error {
  constructor(
    readonly problem: ServerProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(errorTextEn(problem, params));
  }
}

/** node-postgres' and the server's errors while connecting, as the user's problem; else null. */
export function serverProblemOf(error: unknown, url: string): ServerBookError | null {
  if (error instanceof ServerBookError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new ServerBookError('server.badUrl');
  }
  const host = `${parsed.hostname || parsed.searchParams.get('host') || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}`;
  const user = decodeURIComponent(parsed.username) || '(default user)';
  const database = decodeURIComponent(parsed.pathname.slice(1));
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
    case '57P03': // the server is starting up or shutting down
      return new ServerBookError('server.unreachable', { host });
    case '28P01':
      return new ServerBookError('server.wrongPassword', { user });
    case '28000':
    case '42501':
      return new ServerBookError('server.notAllowed', { user });
    case '3D000':
      return new ServerBookError('server.noDatabase', { database });
    default:
      if (
        error instanceof Error &&
        /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)
      ) {
        return new ServerBookError('server.unreachable', { host });
      }
      return null;
  }
}

/** Refuses an address before any connection is tried. */
export function checkServerUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ServerBookError('server.badUrl');
  }
  const host = parsed.hostname || parsed.searchParams.get('host');
  if (!/^postgres(ql)?:$/.test(parsed.protocol) || !host) throw new ServerBookError('server.badUrl');
  if (parsed.pathname.replace(/^\//, '') === '') throw new ServerBookError('server.urlWithoutDatabase');
}

/**
 * The server rolled this transaction back because another PC's transaction needed the same rows
 * (a deadlock, or a serializable transaction that could not be ordered): safe to run again.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

/** The connection to the server went away mid-call: restarted, shut down, or the network. */
export function isConnectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08...|57P0[123])$/.test(code)) return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT')
    return true;
  return (
    error instanceof Error &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      error.message,
    )
  );
}

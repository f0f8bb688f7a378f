import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { isStaleAfter } from './office-changes';
import type { ChangesSince } from '../../../../shared/contract';

/** How long one question "what changed?" waits on the service before asking again. */
const WAIT_MS = 25_000;
/** After the service itself failed to answer (it was restarted), ask again after this long. */
const RETRY_MS = 2_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On a book the office shares: keeps every open screen current with what other PCs change, and
 * says (without blocking the screen) while the office database cannot be reached. The service
 * hears the server's notices; this asks it what changed after the last answer, waiting until
 * something has, and refreshes only the reads those changes touch.
 */
export function OfficeChanges() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const info = useApi('system.info', {}, { staleTime: Infinity });
  const onServer = info.data?.engine === 'postgres';
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    if (!onServer) return;
    const stop = new AbortController();
    void (async () => {
      let cursor: number | null = null;
      while (!stop.signal.aborted) {
        try {
          const changes: ChangesSince = await call(
            'system.changes',
            { after: cursor ?? 0, waitMs: cursor === null ? 0 : WAIT_MS },
            { signal: stop.signal },
          );
          setConnected(changes.connected);
          const news = cursor !== null && (changes.everything || changes.cursor !== cursor);
          cursor = changes.cursor;
          if (news) await client.invalidateQueries({ predicate: (q) => isStaleAfter(changes, q.queryKey) });
        } catch {
          if (stop.signal.aborted) return;
          // The service was restarted: start again from its new cursor, refreshing everything.
          cursor = null;
          await client.invalidateQueries({ predicate: (q) => isStaleAfter(EVERYTHING, q.queryKey) });
          await pause(RETRY_MS);
        }
      }
    })();
    return () => stop.abort();
  }, [onServer, client]);

  if (!onServer || connected) return null;
  return (
    <div className="office-banner" role="alert" data-testid="office-disconnected">
      {t('app.office.disconnected')}
    </div>
  );
}

const EVERYTHING: ChangesSince = {
  cursor: 0,
  connected: true,
  everything: true,
  tables: [],
  loans: [],
  borrowers: [],
};

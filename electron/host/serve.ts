import { isPortRequest, type PortEnd, type PortReply, type WorkProgress } from '../../shared/contract';
import type { Dispatch } from '../services/dispatch';

/** Progress is sent at most this often per call; the screen redraws no faster anyway. */
const PROGRESS_EVERY_MS = 100;

/**
 * Answers one client's port: each call goes through the same dispatcher (payload validation,
 * permissions, one transaction per call) with its own cancel signal and progress channel.
 * Anything that is not a well-formed request is ignored: there is no id to answer it on.
 */
export function servePort(port: PortEnd, dispatch: () => Dispatch): void {
  const running = new Map<number, AbortController>();
  const reply = (message: PortReply) => port.postMessage(message);
  port.listen((message) => {
    if (!isPortRequest(message)) return;
    const { id } = message;
    if (message.kind === 'cancel') {
      running.get(id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    let sentAt = -Infinity;
    const progress = (p: WorkProgress) => {
      const now = performance.now();
      if (now - sentAt < PROGRESS_EVERY_MS && p.done < p.total) return;
      sentAt = now;
      reply({ kind: 'progress', id, progress: { phase: p.phase, done: p.done, total: p.total } });
    };
    void dispatch()(message.method, message.input, { signal: controller.signal, progress })
      .then((result) => reply({ kind: 'result', id, result }))
      .finally(() => running.delete(id));
  });
}

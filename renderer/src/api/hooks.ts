import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput, WorkProgress } from '../../../shared/contract';
import { call, type ApiCallError } from './client';

/** Query keys start with the method name, so a mutation can invalidate a whole feature by prefix. */
export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * A write through the contract. `invalidates` lists feature prefixes (e.g. 'loans.') whose
 * cached reads become stale once the write succeeds.
 */
export function useApiMutation<M extends MethodName>(method: M, invalidates: string[] = []) {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => invalidate(client, invalidates),
  });
}

/** Marks stale every cached read whose method starts with one of `prefixes`. */
function invalidate(client: QueryClient, prefixes: string[]) {
  return client.invalidateQueries({
    predicate: (q) =>
      typeof q.queryKey[0] === 'string' && prefixes.some((p) => (q.queryKey[0] as string).startsWith(p)),
  });
}

/**
 * Long work the user starts and may stop: an import, a backup. `progress` follows the service's
 * reports; `cancel` stops it, and the service answers `cancelled` with nothing saved.
 */
export function useLongWork<M extends MethodName>(method: M, invalidates: string[] = []) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const stop = useRef<AbortController | null>(null);
  const mutation = useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => {
      const controller = new AbortController();
      stop.current = controller;
      setProgress(null);
      return call(method, input, { signal: controller.signal, onProgress: setProgress }).finally(() => {
        if (stop.current === controller) stop.current = null;
      });
    },
    onSuccess: () => invalidate(client, invalidates),
  });
  return { ...mutation, progress, cancel: () => stop.current?.abort() };
}

/**
 * A read that may wait on long work (the month-end cache on a big book): `progress` says how far
 * it has got. Leaving the screen cancels the wait; the work stops when nobody else waits on it.
 */
export function useApiWithProgress<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const query = useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: ({ signal }) => call(method, input, { signal, onProgress: setProgress }),
    ...options,
  });
  return { ...query, progress: query.isPending ? progress : null };
}

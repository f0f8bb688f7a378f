import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
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
    onSuccess: async () => {
      await client.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' &&
          invalidates.some((p) => (q.queryKey[0] as string).startsWith(p)),
      });
    },
  });
}

/**
 * Collections figures move with payments recorded elsewhere in the app (which do not know about
 * this feature's queries), so its screens always re-read on opening instead of trusting the cache.
 */
export const FRESH = { refetchOnMount: 'always' } as const;

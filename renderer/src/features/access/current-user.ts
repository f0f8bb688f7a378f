import { useApi } from '../../api/hooks';

/**
 * The signed-in user and what they may do, for hiding actions the services would refuse anyway.
 * The services stay the authority; this only spares the user a button that cannot work.
 */
export function useCurrentUser() {
  const status = useApi('auth.status', {});
  const user = status.data?.user ?? null;
  const may = (permission: string) => user?.permissions.includes(permission) ?? false;
  return { user, may };
}

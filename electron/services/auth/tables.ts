import type { Generated } from 'kysely';
import type { Role } from './actor';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$key`, salt and key base64: the parameters travel with the hash. */
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  /** ISO instant until which sign-in is refused after repeated failures. */
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthTables {
  users: UsersTable;
}

import type { SearchHit } from '../../../shared/contract';
import { borrowersMatching, loansNumbered } from './search.query';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { collateralHits } from '../collateral/search';
import { isScoped } from '../auth/scope';

const LIMIT = 20;

/**
 * Ctrl+K: one box for borrower name, phone, the last digits of an ID number, loan number, and a
 * collateral item's plate, VIN, certificate number or address. Each hit says which field matched.
 */
export function searchHandlers(ctx: ServiceContext): Pick<Handlers, 'search.global'> {
  return {
    'search.global': async ({ query }) => {
      // A collector finds only the people and loans assigned to them, as everywhere else.
      const actor = ctx.actor();
      const scoped = isScoped(actor) ? actor : null;
      const q = query.replace(/[%_]/g, '');
      const digitsOnly = /^\d{3,}[\dXx]?$/.test(q);
      const borrowers = await borrowersMatching(ctx.db, q, digitsOnly, scoped, LIMIT);
      const loans = await loansNumbered(ctx.db, q, scoped, LIMIT);
      const collateral = await collateralHits(ctx, q, scoped);
      const hits: SearchHit[] = [
        ...loans.map((l) => ({
          kind: 'loan' as const,
          id: l.id,
          title: l.number,
          subtitle: l.name,
          matched: 'loanNumber' as const,
        })),
        ...borrowers.map((b) => ({
          kind: 'borrower' as const,
          id: b.id,
          title: b.name,
          subtitle: `${maskIdNumber(b.id_number)} · ${b.phone}`,
          matched: b.name.includes(q)
            ? ('name' as const)
            : b.phone.includes(q)
              ? ('phone' as const)
              : ('idTail' as const),
        })),
        ...collateral,
      ];
      return hits.slice(0, LIMIT);
    },
  };
}

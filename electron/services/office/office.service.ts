import { contract } from '../../../shared/contract';
import { describeServerBook } from '../../db/postgres/open';
import type { ServiceContext, Platform } from '../context';
import { createDispatcher, type Dispatch, type Handlers } from '../dispatch';
import { domainError } from '../errors';
import { checkServerConnection, useBook } from './connection';

type OfficeMethods = 'office.bookLocation' | 'office.testConnection' | 'office.useBook';

/** Where the open book lives, and moving this PC to another (Settings, or first run). */
export function officeHandlers(ctx: ServiceContext): Pick<Handlers, OfficeMethods> {
  return {
    'office.bookLocation': async () => ({
      needsChoice: false,
      engine: ctx.engine,
      where: ctx.engine === 'postgres' ? describeServerBook(ctx.databasePath) : ctx.databasePath,
    }),
    'office.testConnection': (connection) => checkServerConnection(connection),
    'office.useBook': (choice) => useBook(ctx.platform, choice),
  };
}

/**
 * The dispatcher of a first run, before any book exists: the screen asks where the book is to be
 * kept, and everything else is refused in words until it is chosen. There are no users yet, so
 * nobody to check; what it can do is test a server and keep the choice.
 */
export function createSetupDispatcher(platform: Platform, onInternalError?: (e: unknown) => void): Dispatch {
  const refused = async () => {
    throw domainError('unavailable', 'office.chooseBookFirst');
  };
  const everything = Object.fromEntries(
    Object.keys(contract).map((m) => [m, refused]),
  ) as unknown as Handlers;
  return createDispatcher(
    {
      ...everything,
      'office.bookLocation': async () => ({ needsChoice: true, engine: null, where: '' }),
      'office.testConnection': (connection) => checkServerConnection(connection),
      'office.useBook': (choice) => useBook(platform, choice),
    },
    onInternalError,
  );
}

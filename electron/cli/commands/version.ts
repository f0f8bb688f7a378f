import type { CliCommand } from '../command';
import { APP_VERSION } from '../../services/version';
import { parseCliArgs } from '../args';

export const versionCommand: CliCommand = {
  name: 'version',
  usage: 'version',
  async run(args, io) {
    parseCliArgs(args, {});
    io.out(`Pledgebook ${APP_VERSION}`);
    return 0;
  },
};

import type { Command } from '../command';
import { infoCommand } from './info';
import { initCommand } from './init';
import { webCommand } from './web';
import { importCommand } from './import';
import { backupCommand, checkCommand } from './data-safety';
import { agreementCommand } from './agreement';
import { statsCommand } from './stats';
import { registryCommand } from './registry';
import { townsCommand } from './towns';

/** Every `twinreg` sub-command; a feature adds its command here. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  infoCommand,
  webCommand,
  importCommand,
  backupCommand,
  checkCommand,
  agreementCommand,
  statsCommand,
  registryCommand,
  townsCommand,
];

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whether run from source (tsx) or from a bundle in dist/. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  // electron/cli or dist/cli: two levels below the root.
  dir = path.resolve(dir, '..', '..');
  return dir;
}

export const resourcesDir = (): string => process.env.TWINREG_RESOURCES ?? path.join(projectRoot(), 'resources');

export const appVersion = (): string => process.env.npm_package_version ?? '0.1.0';

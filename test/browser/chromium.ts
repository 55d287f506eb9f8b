/**
 * Where the browser tests find chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium (which
 * scripts/pretest.sh installs when it can). Never downloads a browser.
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('No chromium: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH');
  }
  return found;
}

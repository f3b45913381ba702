// Installs missing Debian packages when it can (root, apt-get present), and otherwise stops with
// a message that names them (DESIGN.md "Tests: one command"). Shared by the test and bench scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @param {{ purpose: string, packages: string[], present: () => boolean }} need
 *   purpose: what needs them, for the message; packages: Debian package names;
 *   present: true when the packages are already usable (e.g. a binary exists)
 */
export function ensureDebianPackages({ purpose, packages, present }) {
  if (present()) return;
  const list = packages.join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`${purpose} needs the Debian package(s): ${list}\nInstall them with: sudo apt-get install -y ${list}`);
    process.exit(1);
  }
  console.log(`${purpose}: installing ${list} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const cmd of [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', ...packages]]) {
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`"${cmd.join(' ')}" failed (exit ${r.status ?? r.signal}). Install ${list} by hand and run again.`);
      process.exit(1);
    }
  }
  if (!present()) {
    console.error(`${list} installed, but ${purpose} still cannot find it. Check the installation.`);
    process.exit(1);
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Chromium for the browser tests, and Japanese fonts: without them map labels and text metrics are tofu. */
export function ensureChromium(purpose = 'The browser tests') {
  ensureDebianPackages({
    purpose,
    packages: ['chromium', 'fonts-noto-cjk'],
    present: () => existsSync(CHROMIUM_PATH) && existsSync(NOTO_CJK),
  });
}

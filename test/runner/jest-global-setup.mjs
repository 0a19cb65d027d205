// Jest's globalSetup for the end-to-end project: installs Node 24 and the
// emulator's Python, when missing, once and before any test worker starts, so
// that workers find them ready instead of racing to install them side by side.

// @ts-check

import { emulatorPython, ensureNode24 } from './runner.mjs'

export default async function installWhatTheEndToEndTestsRun() {
  /** @param {string} message */
  const onInstall = (message) => console.error(message)
  await ensureNode24({ onInstall })
  await emulatorPython({ onInstall })
}

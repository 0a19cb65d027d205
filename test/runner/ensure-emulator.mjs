#!/usr/bin/env node
// Prints the Python that runs the AWS emulator: EMULATOR_PYTHON, the
// .cache/emulator-venv virtual environment or python3, whichever has the moto
// version the launcher is written for; when none has it, makes the venv and
// installs moto into it first. Progress and errors go to stderr, so that
// `EMULATOR_PYTHON="$(node test/runner/ensure-emulator.mjs)"` works.

// @ts-check

import { SetupError, emulatorPython } from './runner.mjs'

try {
  process.stdout.write(`${await emulatorPython({ onInstall: (message) => console.error(message) })}\n`)
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error)
  process.exit(1)
}

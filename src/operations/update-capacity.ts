import type { OperationContext } from '../context.js'
export async function runUpdateCapacity(_ctx: OperationContext, _settings: unknown): Promise<void> {
  throw new Error('not implemented')
}

/**
 * Environment values are often secrets (tokens, passwords, connection
 * strings), though SageMaker advises against it. Only their keys and where
 * they came from are ever shown: never in the log, the summary, a dry run's
 * plan or an error.
 */
import type { CreateModelCommandInput } from '@aws-sdk/client-sagemaker'
import { AwsCallError } from './aws/errors.js'
import { HIDDEN_VALUE } from './serving-container.js'

/** Shorter values (`1`, `on`) are too common in ordinary messages to mask without mangling them, and guard nothing. */
const MIN_MASKED_CHARS = 4
const MASK = '«hidden»'

/** A copy of a CreateModel request to show: every container's environment keeps its keys, not its values. */
export function hideEnvironment(input: CreateModelCommandInput): CreateModelCommandInput {
  const hidden = (environment: Record<string, string> | undefined): Record<string, string> | undefined =>
    environment && Object.fromEntries(Object.keys(environment).map((key) => [key, HIDDEN_VALUE]))
  const shown: CreateModelCommandInput = { ...input }
  if (input.PrimaryContainer) {
    shown.PrimaryContainer = { ...input.PrimaryContainer }
    if (input.PrimaryContainer.Environment) {
      shown.PrimaryContainer.Environment = hidden(input.PrimaryContainer.Environment)
    }
  }
  if (input.Containers) {
    shown.Containers = input.Containers.map((container) =>
      container.Environment ? { ...container, Environment: hidden(container.Environment) } : container
    )
  }
  return shown
}

/** The error with any of the environment's values in its message masked; the error itself when none is there. */
export function maskEnvironmentValues(error: unknown, environment: Record<string, string> | undefined): unknown {
  const values = Object.values(environment ?? {})
    .filter((value) => value.length >= MIN_MASKED_CHARS)
    // Longest first, so a shorter value never leaves part of a longer one behind.
    .sort((a, b) => b.length - a.length)
  const mask = (text: string): string => values.reduce((masked, value) => masked.split(value).join(MASK), text)
  if (error instanceof AwsCallError) {
    const masked = mask(error.awsMessage)
    if (masked === error.awsMessage) return error
    // The cause carries the unmasked message: it is not kept.
    return new AwsCallError(error.api, error.resource, error.code, masked)
  }
  if (error instanceof Error && mask(error.message) !== error.message) {
    const masked = new Error(mask(error.message))
    masked.name = error.name
    return masked
  }
  return error
}

/**
 * The shape of framework-images.generated.ts. Each version keeps only the
 * fields that differ from its framework's defaults, so the table that ships in
 * the bundle stays a few kilobytes.
 */

export type Processor = 'cpu' | 'gpu'

export interface ImageFields {
  readonly repository: string
  /** Index into FrameworkImageTable.registries: most versions share one account map. */
  readonly registries: number
  /** Empty when the image does not depend on the instance (no cpu/gpu in the tag). */
  readonly processors: readonly Processor[]
  /** Empty when the tag carries no Python version. */
  readonly py: readonly string[]
}

export interface VersionImage extends Partial<ImageFields> {
  /** Appended to the tag per processor (Hugging Face images name their CUDA and OS). */
  readonly container?: Readonly<Partial<Record<Processor, string>>>
  /** Replaces the version at the start of the tag (DJL LMI names its engine and CUDA there). */
  readonly tagPrefix?: string
}

export interface FrameworkImages {
  /**
   * `huggingface`: the version is `<transformers>-pytorch<pytorch>` and the tag
   * starts `<pytorch>-transformers<transformers>`, as the SDK builds it.
   */
  readonly tagStyle?: 'huggingface'
  readonly defaults: ImageFields
  readonly versions: Readonly<Record<string, VersionImage>>
  /** Short spellings accepted for a version; the tag keeps the spelling given, as the SDK's does. */
  readonly aliases: Readonly<Record<string, string>>
}

export interface FrameworkImageTable {
  readonly sdkCommit?: string
  /** Region to AWS account of the ECR registry that publishes the image there. */
  readonly registries: readonly Readonly<Record<string, string>>[]
  readonly frameworks: Readonly<Record<string, FrameworkImages>>
}

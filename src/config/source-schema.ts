import { defaultSchema } from './resolve-source.ts';
import type { SourceConfig } from './source-config.ts';

/**
 * Picks the warehouse schema of a source being linked: the one it already has, else
 * `lightspeed_retail`, else `lightspeed_retail_<prefix>` when another source holds that one.
 */
export function chooseSchema(
  name: string,
  domainPrefix: string,
  sources: readonly SourceConfig[],
): string {
  const existing = sources.find((source) => source.name === name);
  if (existing) return existing.schema;

  const taken = sources.some((source) => source.schema === defaultSchema);

  return taken ? `${defaultSchema}_${domainPrefix.replaceAll('-', '_')}` : defaultSchema;
}

/**
 * The share of a rate-limit allowance a run used: requests sent in the run's whole windows
 * over what those windows allowed. Windows start at the first request, as the store's do; the
 * last, partial window is left out because the run ends inside it. A run shorter than one
 * window is measured against the fraction of the window it spanned.
 */
export function allowanceShare(
  requestOffsetsMs: readonly number[],
  windowMs: number,
  limit: number,
): number {
  const last = requestOffsetsMs[requestOffsetsMs.length - 1];
  if (last === undefined) return 0;

  const spanMs = last + 1;
  const wholeWindows = Math.floor(spanMs / windowMs);
  if (wholeWindows === 0) return requestOffsetsMs.length / ((spanMs / windowMs) * limit);

  const inWholeWindows = requestOffsetsMs.filter((offset) => offset < wholeWindows * windowMs);

  return inWholeWindows.length / (wholeWindows * limit);
}

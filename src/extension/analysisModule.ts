import * as analysis from '../analysis/analyse';

/**
 * The recognisers: four-fifths of the extension's code, and activation needs none of them. The
 * shipped bundle swaps this module for a `require` of dist/analyse.js on first use (see
 * esbuild.config.mjs), so activating parses none of it; tests and the bench import it directly.
 */
export const analysisModule = (): typeof analysis => analysis;

// Written by scripts/compile-page.mjs.
/** The HTML report's browser script, with d3-hierarchy, minified. */
export declare const PAGE_SCRIPT: string;

// Types of what the tests import from action-docs.mjs, a plain script.
export function actionTables(actionYml: string): { inputs: string; allInputs: string; outputs: string };
export function replaceSection(readme: string, name: string, content: string): string;

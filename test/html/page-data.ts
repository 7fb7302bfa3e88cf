import type { PageData } from "../../src/html/page-types.js";

/** The data a written HTML report embeds, read back as the page's script reads it. */
export function embeddedPageData(html: string): PageData {
  const found = /<script type="application\/json" id="model-budget-data">(.*?)<\/script>/s.exec(html);
  if (!found) throw new Error("the page embeds no model-budget-data");
  return JSON.parse(found[1]!) as PageData;
}

// A search written in the search page's query-string names (the API's own) as the attributes of a
// <tipsearch-box>: what the iframe embed shows and what the Embed page writes into its snippet.

/** The filters the widget takes, by their API names. */
export const FILTERS = ["session", "topic", "speakerType", "kind", "status", "year", "reportKind", "country",
  "organization"];
const OPTIONS = ["q", "size", "mode", "theme", "layout", "placeholder"];
const ATTRIBUTE = { q: "query", speakerType: "speaker-type", reportKind: "report-kind" };

/** The widget's [attribute, value] pairs for the query string; other parameters are left out. */
export function widgetAttributes(params) {
  const attributes = [];
  for (const name of OPTIONS) {
    const value = (params.get(name) || "").trim();
    if (value) attributes.push([ATTRIBUTE[name] || name, value]);
  }
  for (const name of FILTERS) {
    // A repeated filter is several values: one attribute with "|" between them, as the widget takes them.
    const values = params.getAll(name).map((value) => value.trim()).filter(Boolean);
    if (values.length) attributes.push([ATTRIBUTE[name] || name, values.join("|")]);
  }
  return attributes;
}
